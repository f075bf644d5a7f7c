using C2C.Adapters.RabbitMq;
using C2C.Adapters.ServiceBus;
using C2C.Core.Ports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Composition;

/// <summary>The broker adapter is chosen by configuration; a half-configured broker stops the node at start-up with the key to fix.</summary>
[Collection(StackCollection.Name)]
public sealed class MessagingCompositionTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private InProcessNode Node(params (string Key, string Value)[] settings) =>
        new(_network, "TG", stack, b => { foreach (var (key, value) in settings) b.UseSetting(key, value); });

    [Fact]
    public void Service_bus_with_a_sas_key_file_plugs_both_ports()
    {
        var keyFile = Path.Combine(_network.Directory, "sb.key");
        File.WriteAllText(keyFile, "c2c-test-key\n");
        using var node = Node(("C2C:Messaging:Provider", "ServiceBus"), ("C2C:Messaging:ServiceBus:FullyQualifiedNamespace", "c2c-tg.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:SasKeyName", "c2c-node"), ("C2C:Messaging:ServiceBus:SasKeyFile", keyFile), ("Hosting:Mode", "Functions"));
        Assert.IsType<ServiceBusPublisher>(node.Services.GetRequiredService<IMessagePublisher>());
        Assert.IsType<ServiceBusConsumer>(node.Services.GetRequiredService<IMessageConsumer>());
        Assert.True(node.Services.GetRequiredService<ServiceBusConnection>().Options.UsesSas);
    }

    [Fact]
    public void Rabbit_mq_plugs_both_ports()
    {
        using var node = Node(("C2C:Messaging:Provider", "RabbitMq"), ("C2C:Messaging:RabbitMq:Uri", stack.RabbitMqUri.ToString()), ("Hosting:Mode", "Functions"));
        Assert.IsType<RabbitMqPublisher>(node.Services.GetRequiredService<IMessagePublisher>());
        Assert.IsType<RabbitMqConsumer>(node.Services.GetRequiredService<IMessageConsumer>());
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
