namespace C2C.Node.Configuration;

/// <summary>ARCHITECTURE decision 1: one app, two hostings.</summary>
public enum HostingMode
{
    /// <summary>Local, on-premises, containers: the web app runs its own engine, broker consumers and timers.</summary>
    Standalone,
    /// <summary>Azure: the Functions .NET isolated worker (Hosting/Worker): HTTP and the movements are functions, the Service Bus processor a hosted service.</summary>
    Functions,
}
