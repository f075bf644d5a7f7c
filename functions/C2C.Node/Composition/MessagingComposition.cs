using C2C.Core.Ports;

namespace C2C.Node.Composition;

/// <summary>Picks the broker adapter (C2C:Messaging:Provider): None (HTTP only), RabbitMq or ServiceBus.</summary>
public static class MessagingComposition
{
    public static void Add(IServiceCollection services, IConfiguration configuration, string country)
    {
        var provider = configuration["C2C:Messaging:Provider"] ?? "None";
        switch (provider.ToLowerInvariant())
        {
            case "none":
                return;
            default:
                throw new InvalidOperationException($"C2C:Messaging:Provider '{provider}' is not supported here (None, RabbitMq, ServiceBus)");
        }
    }
}
