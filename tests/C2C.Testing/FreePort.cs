using System.Net;
using System.Net.Sockets;

namespace C2C.Testing;

/// <summary>Loopback ports for child processes that the test starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
