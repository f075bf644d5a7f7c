using System.Security.Cryptography.X509Certificates;
using C2C.Core.Partners;

namespace C2C.Node.Security;

/// <summary>
/// Who is calling: the client certificate of mutual TLS first (Kestrel, or the certificate the Functions front end
/// forwards in X-ARR-ClientCert), then the development fallback, an API key in X-Api-Key, unless
/// C2C:Authentication:AllowApiKeys is false (production: certificates only).
/// The forwarded header is believed only on a request the Functions host proxied (<see cref="ForwardedCertificateTrust"/>),
/// where the platform front end sets it; anywhere else anyone could send it. A client certificate's validity is judged by the
/// node's clock (<see cref="TimeProvider"/>), like every other date.
/// </summary>
public sealed class CallerResolver(PartnerRegistry registry, ForwardedCertificateTrust forwardedCertificates, bool allowApiKeys, TimeProvider clock)
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ForwardedCertificateHeader = "X-ARR-ClientCert";

    public AccessDecision Resolve(HttpContext context)
    {
        var apiKey = context.Request.Headers[ApiKeyHeader].FirstOrDefault();
        if (ClientCertificate(context) is { } certificate)
        {
            var byCertificate = FromCertificate(certificate);
            // On Azure every request carries a certificate (the front end requires one): where keys are allowed, a
            // caller whose certificate is not registered may still identify with its key.
            if (byCertificate.IsAllowed || !allowApiKeys || string.IsNullOrEmpty(apiKey))
                return byCertificate;
        }
        return allowApiKeys
            ? registry.AuthenticateApiKey(apiKey)
            : AccessDecision.Deny(null, AccessDenial.MissingCredentials, "this node accepts only registered client certificates (API keys are turned off)");
    }

    private AccessDecision FromCertificate(X509Certificate2 certificate)
    {
        using (certificate)
        {
            var thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var now = clock.GetUtcNow().UtcDateTime;
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
                return AccessDecision.Deny(null, AccessDenial.UnknownCredentials, "client certificate is expired or not yet valid");
            return registry.FindByClientCertificate(thumbprint) is { } partner
                ? AccessDecision.Allow(partner, $"client certificate of '{partner.Id}'")
                : AccessDecision.Deny(null, AccessDenial.UnknownCredentials, "client certificate is not registered");
        }
    }

    private X509Certificate2? ClientCertificate(HttpContext context)
    {
        if (context.Connection.ClientCertificate is { } direct)
            return new X509Certificate2(direct);
        var forwarded = context.Request.Headers[ForwardedCertificateHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(forwarded) || !forwardedCertificates.Trusts(context))
            return null;
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(forwarded));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
