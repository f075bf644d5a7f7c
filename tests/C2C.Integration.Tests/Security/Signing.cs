using System.Security.Cryptography.X509Certificates;
using C2C.Adapters.Security.XmlDsig;

namespace C2C.Integration.Tests.Security;

/// <summary>Shared keys (made once per test run: key generation is the slow part) and one-line sign / verify.</summary>
internal static class Signing
{
    public static readonly X509Certificate2 TogoRsa = C2C.Testing.TestCertificates.Rsa("Togo customs signing (RSA)");
    public static readonly X509Certificate2 TogoEcdsa = C2C.Testing.TestCertificates.Ecdsa("Togo customs signing (ECDSA)");
    public static readonly X509Certificate2 Intruder = C2C.Testing.TestCertificates.Rsa("Someone else");

    /// <summary>Trust of the receiving node (BF) in Togo: both Togo certificates pinned by thumbprint.</summary>
    public static SigningTrust TogoPinned => new("TG", [CertificateThumbprint.Sha256(TogoRsa), CertificateThumbprint.Sha256(TogoEcdsa)], []);

    public static byte[] Sign(X509Certificate2 certificate, byte[]? message = null) =>
        new XmlMessageSigner(SigningCredential.FromCertificate(certificate)).Sign(message ?? SampleMessage.Bytes);

    public static SignatureVerificationResult Verify(byte[] message, SigningTrust? trust = null, TimeProvider? time = null) =>
        new XmlSignatureVerifier(time).Verify(message, trust ?? TogoPinned);
}
