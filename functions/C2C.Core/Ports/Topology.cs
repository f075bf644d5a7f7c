using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>Topic and subscription names, the same for every broker adapter (ARCHITECTURE decision 3).</summary>
public static class Topology
{
    public static string Topic(string country) => $"c2c.{country.ToLowerInvariant()}";

    public static string Subscription(MessageFamily family) => family.ToString().ToLowerInvariant();
}
