using Azure.Core;
using Azure.Identity;
using C2C.Adapters.RabbitMq;
using C2C.Adapters.ServiceBus;
using C2C.Core.Ports;

namespace C2C.Node.Composition;

/// <summary>Picks the broker adapter (C2C:Messaging:Provider): None (HTTP only), RabbitMq or ServiceBus.</summary>
public static class MessagingComposition
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("C2C:Messaging");
        var provider = section["Provider"] ?? "None";
        switch (provider.ToLowerInvariant())
        {
            case "none":
                return;
            case "rabbitmq":
                AddRabbitMq(services, section.GetSection("RabbitMq"));
                return;
            case "servicebus":
                AddServiceBus(services, section.GetSection("ServiceBus"));
                return;
            default:
                throw new InvalidOperationException($"C2C:Messaging:Provider '{provider}' is not supported (None, RabbitMq, ServiceBus)");
        }
    }

    private static void AddRabbitMq(IServiceCollection services, IConfigurationSection section)
    {
        var uri = section["Uri"] is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            ? parsed
            : throw new InvalidOperationException("C2C:Messaging:RabbitMq:Uri must be an amqp:// URI");
        var options = new RabbitMqOptions
        {
            Uri = uri,
            DeliveryLimit = section.GetValue("DeliveryLimit", 10),
            // A delivery mostly waits for its movement's acknowledgement (no CPU): receive throughput is about the
            // concurrency over that wait, so more at once than the CPU count (docs/durable-engine.md, hand-off).
            Prefetch = section.GetValue<ushort>("Prefetch", 64),
            MaxConcurrentDeliveries = section.GetValue<ushort>("MaxConcurrentDeliveries", 32),
            ConnectionName = section["ConnectionName"] ?? "c2c-node",
        };
        services.AddSingleton(new RabbitMqConnections(options));
        services.AddSingleton<RabbitMqPublisher>();
        services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<RabbitMqPublisher>());
        services.AddSingleton<IMessageConsumer>(sp =>
        {
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger<RabbitMqConsumer>();
            return new RabbitMqConsumer(sp.GetRequiredService<RabbitMqConnections>(), (text, e) => log.BrokerProblem(text, e));
        });
        services.AddSingleton<IDeadLetterQueue>(sp => new RabbitMqDeadLetters(sp.GetRequiredService<RabbitMqConnections>()));
    }

    /// <summary>
    /// Our own namespace for receiving (standalone: the SDK's processor per family subscription; Functions hosting:
    /// the triggers receive), and one destination per partner country for sending: the partner's namespace, where
    /// its topic c2c.{cc} is.
    /// </summary>
    private static void AddServiceBus(IServiceCollection services, IConfigurationSection section)
    {
        var entraId = new Lazy<TokenCredential>(() => new DefaultAzureCredential());
        var own = ServiceBusSettings.Own(section, () => entraId.Value);
        services.AddSingleton(ServiceBusSettings.Destinations(section, own, () => entraId.Value));
        services.AddSingleton(sp => new ServiceBusPublisher(sp.GetRequiredService<ServiceBusDestinations>(), Report<ServiceBusPublisher>(sp)));
        services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<ServiceBusPublisher>());
        services.AddSingleton(sp => new ServiceBusConsumer(own, Report<ServiceBusConsumer>(sp)));
        services.AddSingleton<IMessageConsumer>(sp => sp.GetRequiredService<ServiceBusConsumer>());
        services.AddSingleton<IDeadLetterQueue>(sp => new ServiceBusDeadLetters(sp.GetRequiredService<ServiceBusConsumer>()));
    }

    /// <summary>Adapter problems into the log: an alert (operations must act) as an error, the rest as warnings.</summary>
    private static ProblemReport Report<T>(IServiceProvider services)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger<T>();
        return (text, e, alert) =>
        {
            if (alert)
                log.BrokerAlert(text, e);
            else
                log.BrokerProblem(text, e);
        };
    }
}
