namespace C2C.Node.Configuration;

/// <summary>ARCHITECTURE decision 1: one app, two hostings.</summary>
public enum HostingMode
{
    /// <summary>Local, on-premises, containers: the app runs its own consumers and timers.</summary>
    Standalone,
    /// <summary>Azure Functions custom handler: the host triggers; the app only answers HTTP.</summary>
    Functions,
}
