using System.Net;
using C2C.Node.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace C2C.Node.Security;

/// <summary>
/// Whether the client certificate forwarded in X-ARR-ClientCert may be believed. Only the Azure front end sets it,
/// and only the Functions host reaches the handler when it runs as a custom handler (FUNCTIONS_CUSTOMHANDLER_PORT set)
/// listening on loopback alone. Anywhere else the header is whatever the caller wrote: it is ignored, and that is
/// logged once so a misconfigured deployment shows why certificate callers get 401.
/// </summary>
public sealed class ForwardedCertificateTrust(HostingMode mode, string? customHandlerPort, IServer server, ILogger<ForwardedCertificateTrust> logger)
{
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    private readonly Lazy<(bool Trusted, string Reason)> _decision = new(() =>
        Decide(mode, customHandlerPort, server.Features.Get<IServerAddressesFeature>()?.Addresses));

    private int _logged;

    /// <summary>Decided on first use: the server's bound addresses are known only once it listens.</summary>
    public bool Trusted
    {
        get
        {
            var (trusted, reason) = _decision.Value;
            if (!trusted && Interlocked.Exchange(ref _logged, 1) == 0)
                logger.LogWarning("{Header} ignored: {Reason}", CallerResolver.ForwardedCertificateHeader, reason);
            return trusted;
        }
    }

    public static (bool Trusted, string Reason) Decide(HostingMode mode, string? customHandlerPort, IEnumerable<string>? boundAddresses)
    {
        if (mode != HostingMode.Functions)
            return (false, $"hosting mode is {mode}, not Functions");
        if (string.IsNullOrWhiteSpace(customHandlerPort))
            return (false, $"{CustomHandlerPortSetting} is not set: the node is not running behind the Functions host");
        var addresses = boundAddresses?.ToList() ?? [];
        if (addresses.Count == 0)
            return (false, "the server's listening addresses are unknown");
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        return exposed.Count > 0
            ? (false, $"the node also listens on {string.Join(", ", exposed)}, not only on loopback")
            : (true, $"custom handler on {string.Join(", ", addresses)}");
    }

    private static bool IsLoopback(string address)
    {
        var host = BindingAddress.Parse(address).Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
