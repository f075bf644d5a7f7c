using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>SHA-256 thumbprint of a certificate, in the form the partner registry uses (64 upper-case hex digits).</summary>
public static class CertificateThumbprint
{
    public static string Sha256(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
