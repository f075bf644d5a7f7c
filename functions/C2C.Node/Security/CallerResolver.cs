using System.Security.Cryptography.X509Certificates;
using C2C.Core.Partners;

namespace C2C.Node.Security;

/// <summary>
/// Who is calling: the client certificate of mutual TLS first (Kestrel, or the certificate the Functions front end
/// forwards in X-ARR-ClientCert), then the development fallback, an API key in X-Api-Key.
/// The forwarded header is trusted only in Functions hosting, where the platform front end sets it; standalone,
/// anyone could send it.
/// </summary>
public sealed class CallerResolver(PartnerRegistry registry, bool trustForwardedCertificate)
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ForwardedCertificateHeader = "X-ARR-ClientCert";

    public AccessDecision Resolve(HttpContext context)
    {
        if (ClientCertificate(context) is { } certificate)
        {
            using (certificate)
            {
                var thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
                var now = DateTime.UtcNow;
                if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
                    return AccessDecision.Deny(null, AccessDenial.UnknownCredentials, "client certificate is expired or not yet valid");
                return registry.FindByClientCertificate(thumbprint) is { } partner
                    ? AccessDecision.Allow(partner, $"client certificate of '{partner.Id}'")
                    : AccessDecision.Deny(null, AccessDenial.UnknownCredentials, "client certificate is not registered");
            }
        }
        return registry.AuthenticateApiKey(context.Request.Headers[ApiKeyHeader].FirstOrDefault());
    }

    private X509Certificate2? ClientCertificate(HttpContext context)
    {
        if (context.Connection.ClientCertificate is { } direct)
            return new X509Certificate2(direct);
        if (!trustForwardedCertificate)
            return null;
        var forwarded = context.Request.Headers[ForwardedCertificateHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(forwarded))
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
