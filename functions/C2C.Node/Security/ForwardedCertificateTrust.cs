namespace C2C.Node.Security;

/// <summary>
/// Whether the client certificate forwarded in X-ARR-ClientCert may be believed for a request. Only the platform front
/// end sets it, and on Azure a request reaches the node only through an HTTP function of the isolated worker: the
/// Functions host proxied it, and the worker's web server accepts nothing else (it is bound to localhost, and a request
/// is served only for an invocation the host announced). The HTTP functions mark the requests they hand to the node;
/// anywhere else (standalone) the header is whatever the caller wrote: it is ignored, and that is logged once so a
/// misconfigured deployment shows why certificate callers get 401.
/// </summary>
public sealed class ForwardedCertificateTrust(ILogger<ForwardedCertificateTrust> logger)
{
    private int _logged;

    /// <summary>Called by the worker's HTTP functions on the request the Functions host proxied.</summary>
    public static void MarkProxiedByFunctionsHost(HttpContext context) => context.Features.Set(ProxiedByFunctionsHost.Instance);

    public bool Trusts(HttpContext context)
    {
        if (context.Features.Get<ProxiedByFunctionsHost>() is not null)
            return true;
        if (Interlocked.Exchange(ref _logged, 1) == 0)
            logger.ForwardedCertificateIgnored(CallerResolver.ForwardedCertificateHeader);
        return false;
    }

    private sealed class ProxiedByFunctionsHost
    {
        public static readonly ProxiedByFunctionsHost Instance = new();
    }
}
