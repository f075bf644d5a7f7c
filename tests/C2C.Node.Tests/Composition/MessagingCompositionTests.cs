using C2C.Adapters.RabbitMq;
using C2C.Adapters.ServiceBus;
using C2C.Core.Ports;
using C2C.Node.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Composition;

/// <summary>The broker adapter is chosen by configuration; a half-configured broker stops the node at start-up with the key to fix.</summary>
[Collection(StackCollection.Name)]
public sealed class MessagingCompositionTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private InProcessNode Node(params (string Key, string Value)[] settings) => new(_network, "TG", stack, settings);

    /// <summary>The node's services as composed, not started: no consumer connects to a namespace that is not there.</summary>
    private ServiceProvider Composed(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(_network.Settings("TG", stack.StorageConnectionString, "tg").Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)))
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddC2CNode(configuration, AppContext.BaseDirectory).BuildServiceProvider();
    }

    [Fact]
    public async Task Service_bus_with_a_sas_key_file_plugs_both_ports()
    {
        var keyFile = Path.Combine(_network.Directory, "sb.key");
        File.WriteAllText(keyFile, "c2c-test-key\n");
        await using var node = Composed(("C2C:Messaging:Provider", "ServiceBus"), ("C2C:Messaging:ServiceBus:FullyQualifiedNamespace", "c2c-tg.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:SasKeyName", "c2c-node"), ("C2C:Messaging:ServiceBus:SasKeyFile", keyFile));
        Assert.IsType<ServiceBusPublisher>(node.GetRequiredService<IMessagePublisher>());
        Assert.True(Assert.IsType<ServiceBusConsumer>(node.GetRequiredService<IMessageConsumer>()).Options.UsesSas);
    }

    [Fact]
    public async Task Each_partner_country_gets_its_own_namespace_and_credential()
    {
        await using var node = Composed(("C2C:Messaging:Provider", "ServiceBus"), ("C2C:Messaging:ServiceBus:FullyQualifiedNamespace", "sb-c2c-dev-tg.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:Destinations:bf:FullyQualifiedNamespace", "sb-c2c-dev-bf.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:Destinations:bf:SasKeyName", "send-tg"),
            ("C2C:Messaging:ServiceBus:Destinations:bf:SasKey", "c2c-test-key"),
            ("C2C:Messaging:ServiceBus:Destinations:MV:FullyQualifiedNamespace", "sb-c2c-dev-mv.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:Destinations:IN:FullyQualifiedNamespace", "sb-c2c-dev-in.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:Destinations:IN:SasKeyName", "send-tg"),
            ("C2C:Messaging:ServiceBus:Destinations:IN:SasKey", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/servicebus-send-in/)"));
        var destinations = Assert.IsType<ServiceBusPublisher>(node.GetRequiredService<IMessagePublisher>()).Destinations;

        var bf = destinations.For("BF");
        Assert.Equal(("sb-c2c-dev-bf.servicebus.windows.net", "send-tg", "c2c-test-key", "c2c.bf"), (bf.Namespace.FullyQualifiedNamespace, bf.Namespace.SasKeyName, bf.Namespace.SasKey, bf.Topic));
        var mv = destinations.For("MV");
        Assert.Equal(("sb-c2c-dev-mv.servicebus.windows.net", false, true), (mv.Namespace.FullyQualifiedNamespace, mv.Namespace.UsesSas, mv.Namespace.Credential is not null));
        // An unresolved Key Vault reference is no key: listed with its problem, refused when used.
        Assert.Contains("unresolved Key Vault reference", destinations.Find("IN")!.Problem);
        Assert.Throws<InvalidOperationException>(() => destinations.For("IN"));
        // Our own namespace (receiving) is a separate client.
        Assert.Equal("sb-c2c-dev-tg.servicebus.windows.net", Assert.IsType<ServiceBusConsumer>(node.GetRequiredService<IMessageConsumer>()).Options.FullyQualifiedNamespace);
    }

    [Theory]
    [InlineData("C2C:Messaging:ServiceBus:Destinations:BF:SasKeyName", "send-tg", "SasKeyName and SasKey")]
    [InlineData("C2C:Messaging:ServiceBus:Destinations:BFX:FullyQualifiedNamespace", "x.servicebus.windows.net", "country code")]
    [InlineData("C2C:Messaging:ServiceBus:Destinations:BF:MaxMessageKilobytes", "4", "MaxMessageKilobytes must be above 4")]
    public void A_half_configured_destination_stops_the_start_up(string key, string value, string expected)
    {
        using var node = Node(("C2C:Messaging:Provider", "ServiceBus"), ("C2C:Messaging:ServiceBus:FullyQualifiedNamespace", "sb-c2c-dev-tg.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:Destinations:BF:FullyQualifiedNamespace", "sb-c2c-dev-bf.servicebus.windows.net"), (key, value));
        var error = Assert.ThrowsAny<Exception>(() => node.Services);
        Assert.Contains(expected, error.ToString());
    }

    [Fact]
    public async Task Rabbit_mq_plugs_both_ports()
    {
        await using var node = Composed(("C2C:Messaging:Provider", "RabbitMq"), ("C2C:Messaging:RabbitMq:Uri", stack.RabbitMqUri.ToString()));
        Assert.IsType<RabbitMqPublisher>(node.GetRequiredService<IMessagePublisher>());
        Assert.IsType<RabbitMqConsumer>(node.GetRequiredService<IMessageConsumer>());
    }

    [Theory]
    [InlineData("ServiceBus", "C2C:Messaging:ServiceBus:FullyQualifiedNamespace")]
    [InlineData("RabbitMq", "C2C:Messaging:RabbitMq:Uri")]
    [InlineData("Kafka", "C2C:Messaging:Provider")]
    public void Missing_broker_settings_stop_the_start_up_naming_the_key(string provider, string key)
    {
        using var node = Node(("C2C:Messaging:Provider", provider));
        var error = Assert.ThrowsAny<Exception>(() => node.Services);
        Assert.Contains(key, error.ToString());
    }
}
