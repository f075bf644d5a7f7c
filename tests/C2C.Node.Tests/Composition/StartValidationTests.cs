using C2C.Node.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace C2C.Node.Tests.Composition;

/// <summary>
/// A bad setting stops the node at start, before anything connects, with one message naming the key and the value:
/// each adapter's options are validated by the start-up validator the host runs first (no network here).
/// </summary>
public sealed class StartValidationTests : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    /// <summary>What the host runs at start before any hosted service: the options registered with ValidateOnStart.</summary>
    /// <returns>The distinct failures: the engine's defaults come from the storage options, so a storage failure is reported by both.</returns>
    private IReadOnlyList<string> StartFails(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(_network.Settings("TG", "UseDevelopmentStorage=true", "tg").Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)))
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddC2CNode(configuration, AppContext.BaseDirectory).BuildServiceProvider();
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var failures = error is AggregateException all ? all.InnerExceptions : [error];
        return failures.SelectMany(e => Assert.IsType<OptionsValidationException>(e).Failures).Distinct().ToList();
    }

    [Fact]
    public void Good_settings_pass()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(_network.Settings("TG", "UseDevelopmentStorage=true", "tg", new Uri("amqp://guest:guest@127.0.0.1:1/")).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)))
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddC2CNode(configuration, AppContext.BaseDirectory).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Rabbit_mq_names_the_bad_prefetch()
    {
        var error = StartFails(("C2C:Messaging:Provider", "RabbitMq"), ("C2C:Messaging:RabbitMq:Uri", "amqp://guest:guest@127.0.0.1:1/"), ("C2C:Messaging:RabbitMq:Prefetch", "0"));
        Assert.Equal(["C2C:Messaging:RabbitMq:Prefetch must be between 1 and 65535 (was 0)"], error);
    }

    [Fact]
    public void Service_bus_names_the_bad_prefetch_count()
    {
        var error = StartFails(("C2C:Messaging:Provider", "ServiceBus"), ("C2C:Messaging:ServiceBus:FullyQualifiedNamespace", "sb-c2c-dev-tg.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:PrefetchCount", "2000"));
        Assert.Equal(["C2C:Messaging:ServiceBus:PrefetchCount must be between 0 and 1000 (was 2000)"], error);
    }

    [Fact]
    public void Storage_names_what_is_missing()
    {
        var error = StartFails(("C2C:Storage:ConnectionString", ""), ("C2C:Storage:BlobServiceUri", "https://st.blob.core.windows.net/"));
        Assert.Equal(["C2C:Storage:TableServiceUri must be an absolute URI when C2C:Storage:ConnectionString is not set (was '')"], error);
    }

    [Fact]
    public void The_durable_engine_names_the_bad_partition_count()
    {
        var error = StartFails(("C2C:Engine:PartitionCount", "0"));
        Assert.Equal(["C2C:Engine:PartitionCount must be between 1 and 16 (was '0')"], error);
    }
}
