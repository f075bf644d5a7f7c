using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Partners;

namespace C2C.Adapters.Security.Partners;

/// <summary>Loads this node's signing key from the files named in <see cref="NodeIdentity.Signing"/>, or from the inline PFX.</summary>
public static class SigningCredentialLoader
{
    /// <summary>Relative paths are resolved against <paramref name="baseDirectory"/>. Throws <see cref="XmlSigningException"/>.</summary>
    public static SigningCredential Load(NodeIdentity identity, string baseDirectory)
    {
        var location = identity.Signing;
        try
        {
            var certificate = location.IsInlinePfx
                ? X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(location.PfxBase64!), null, X509KeyStorageFlags.EphemeralKeySet)
                : location.IsPfx
                ? X509CertificateLoader.LoadPkcs12FromFile(
                    Path.GetFullPath(location.PfxPath!, baseDirectory),
                    File.ReadAllText(Path.GetFullPath(location.PfxPasswordFile!, baseDirectory)).TrimEnd('\r', '\n'),
                    X509KeyStorageFlags.EphemeralKeySet)
                : X509Certificate2.CreateFromPemFile(
                    Path.GetFullPath(location.CertificatePemPath!, baseDirectory),
                    Path.GetFullPath(location.KeyPemPath!, baseDirectory));
            return SigningCredential.FromCertificate(certificate);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or FormatException)
        {
            throw new XmlSigningException(XmlSigningException.Codes.SigningKeyUnreadable, $"cannot load the signing key of {identity.Country}: {e.Message}", e);
        }
    }
}
