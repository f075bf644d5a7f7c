using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Adapters.ServiceBus;

/// <summary>Entity paths on the namespace, and the audience a CBS token is put for.</summary>
public static class ServiceBusAddresses
{
    public const string Cbs = "$cbs";

    public static string Topic(string country) => Topology.Topic(country);

    public static string Subscription(string country, MessageFamily family) => $"{Topology.Topic(country)}/Subscriptions/{Topology.Subscription(family)}";

    /// <summary>The token audience: the entity's URI on the namespace (Service Bus AMQP guide, "claims-based authorization").</summary>
    public static string Audience(string fullyQualifiedNamespace, string entityPath) => $"amqp://{fullyQualifiedNamespace}/{entityPath}";
}
