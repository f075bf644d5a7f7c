using C2C.Adapters.RabbitMq;
using C2C.Adapters.ServiceBus;

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
                services.AddRabbitMqMessaging(section.GetSection("RabbitMq"), sp =>
                {
                    var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger<RabbitMqConsumer>();
                    return (text, e) => log.BrokerProblem(text, e);
                });
                return;
            case "servicebus":
                services.AddServiceBusMessaging(section.GetSection("ServiceBus"), Report);
                return;
            default:
                throw new InvalidOperationException($"C2C:Messaging:Provider '{provider}' is not supported (None, RabbitMq, ServiceBus)");
        }
    }

    /// <summary>Adapter problems into the log: an alert (operations must act) as an error, the rest as warnings.</summary>
    private static ProblemReport Report(IServiceProvider services, Type reporter)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(reporter);
        return (text, e, alert) =>
        {
            if (alert)
                log.BrokerAlert(text, e);
            else
                log.BrokerProblem(text, e);
        };
    }
}
