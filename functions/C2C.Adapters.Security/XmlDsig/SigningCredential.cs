using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// The administration's signing key and its certificate. The signature method follows the key:
/// RSA (2048 bits or more) → rsa-sha256; ECDSA P-256 → ecdsa-sha256, P-384 → ecdsa-sha384, P-521 → ecdsa-sha512.
/// </summary>
public sealed class SigningCredential : IDisposable
{
    private SigningCredential(X509Certificate2 certificate, AsymmetricAlgorithm privateKey, string signatureMethod)
    {
        Certificate = certificate;
        PrivateKey = privateKey;
        SignatureMethod = signatureMethod;
        Thumbprint = CertificateThumbprint.Sha256(certificate);
    }

    public X509Certificate2 Certificate { get; }

    public AsymmetricAlgorithm PrivateKey { get; }

    /// <summary>Signature method URI written in SignedInfo.</summary>
    public string SignatureMethod { get; }

    /// <summary>SHA-256 thumbprint of <see cref="Certificate"/>, as partners pin it.</summary>
    public string Thumbprint { get; }

    /// <summary>
    /// Takes a certificate with its private key (the credential owns it from then on and disposes it);
    /// throws <see cref="XmlSigningException"/> for unusable keys.
    /// </summary>
    public static SigningCredential FromCertificate(X509Certificate2 certificate)
    {
        if (!certificate.HasPrivateKey)
            throw new XmlSigningException(XmlSigningException.Codes.NoPrivateKey, $"certificate {certificate.Subject} has no private key");
        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            if (rsa.KeySize < SignatureKeyPolicy.MinimumRsaKeySize)
                throw new XmlSigningException(XmlSigningException.Codes.WeakKey, $"RSA key of {rsa.KeySize} bits; at least {SignatureKeyPolicy.MinimumRsaKeySize} required");
            return new SigningCredential(certificate, rsa, DsigAlgorithms.RsaSha256);
        }
        if (certificate.GetECDsaPrivateKey() is { } ecdsa)
        {
            var method = ecdsa.KeySize switch
            {
                256 => DsigAlgorithms.EcdsaSha256,
                384 => DsigAlgorithms.EcdsaSha384,
                521 => DsigAlgorithms.EcdsaSha512,
                _ => throw new XmlSigningException(XmlSigningException.Codes.WeakKey, $"EC key of {ecdsa.KeySize} bits; use P-256, P-384 or P-521"),
            };
            return new SigningCredential(certificate, ecdsa, method);
        }
        throw new XmlSigningException(XmlSigningException.Codes.UnsupportedKey, $"certificate {certificate.Subject} has neither an RSA nor an ECDSA key");
    }

    public void Dispose()
    {
        PrivateKey.Dispose();
        Certificate.Dispose();
    }
}
