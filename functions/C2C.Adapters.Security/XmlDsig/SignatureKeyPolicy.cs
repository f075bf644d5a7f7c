using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>Minimum key strength, the same for signing and verifying.</summary>
internal static class SignatureKeyPolicy
{
    public const int MinimumRsaKeySize = 2048;

    private static readonly int[] EcKeySizes = [256, 384, 521];

    /// <summary>The certificate's public key for a signature method, or a reason why it cannot be used.</summary>
    public static (AsymmetricAlgorithm? Key, string? Problem) PublicKeyFor(X509Certificate2 certificate, string signatureMethod)
    {
        if (DsigAlgorithms.RsaSignatureMethods.Contains(signatureMethod))
        {
            var rsa = certificate.GetRSAPublicKey();
            if (rsa is null)
                return (null, "signature method is RSA but the certificate key is not");
            return rsa.KeySize >= MinimumRsaKeySize ? (rsa, null) : (null, $"RSA key of {rsa.KeySize} bits is below {MinimumRsaKeySize}");
        }
        var ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is null)
            return (null, "signature method is ECDSA but the certificate key is not");
        return EcKeySizes.Contains(ecdsa.KeySize) ? (ecdsa, null) : (null, $"EC key of {ecdsa.KeySize} bits is not P-256, P-384 or P-521");
    }
}
