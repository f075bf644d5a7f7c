using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace C2C.Node.Security;

/// <summary>
/// Mutual TLS for standalone hosting: every HTTPS endpoint of Kestrel (e.g. --urls "https://0.0.0.0:7443", server
/// certificate from Kestrel:Certificates:Default:Path/KeyPath) asks for a client certificate. The TLS layer accepts
/// any well-formed one: administrations' certificates are typically self-issued and are pinned by SHA-256 thumbprint
/// in the partner registry, so <see cref="CallerResolver"/> decides, with an answer the partner can read (401 and a
/// NACK) rather than a bare handshake alert. Expiry is checked there too.
/// </summary>
public static class MutualTls
{
    public const string Section = "C2C:Tls";

    public static void Configure(WebApplicationBuilder builder)
    {
        var mode = Enum.TryParse<ClientCertificateMode>(builder.Configuration[$"{Section}:ClientCertificateMode"], ignoreCase: true, out var configured)
            ? configured
            : ClientCertificateMode.RequireCertificate;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
        {
            https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            https.ClientCertificateMode = mode;
            https.ClientCertificateValidation = (_, _, _) => true;
        }));
    }
}
