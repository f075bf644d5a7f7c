using System.Security.Cryptography;
using System.Security.Cryptography.Xml;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// The algorithm URIs this exchange accepts. Everything else (SHA-1, HMAC, XSLT, XPath, comments-preserving
/// canonicalisation) is refused on verification, whatever the crypto would say.
/// </summary>
public static class DsigAlgorithms
{
    public const string Namespace = SignedXml.XmlDsigNamespaceUrl;

    public const string RsaSha256 = SignedXml.XmlDsigRSASHA256Url;
    public const string RsaSha384 = SignedXml.XmlDsigRSASHA384Url;
    public const string RsaSha512 = SignedXml.XmlDsigRSASHA512Url;
    public const string EcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public const string EcdsaSha384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
    public const string EcdsaSha512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";

    public const string Sha256 = SignedXml.XmlDsigSHA256Url;
    public const string Sha384 = SignedXml.XmlDsigSHA384Url;
    public const string Sha512 = SignedXml.XmlDsigSHA512Url;

    public const string ExclusiveC14N = SignedXml.XmlDsigExcC14NTransformUrl;
    public const string InclusiveC14N = SignedXml.XmlDsigC14NTransformUrl;
    public const string EnvelopedSignature = SignedXml.XmlDsigEnvelopedSignatureTransformUrl;

    public static readonly IReadOnlySet<string> RsaSignatureMethods = new HashSet<string>(StringComparer.Ordinal) { RsaSha256, RsaSha384, RsaSha512 };

    public static readonly IReadOnlySet<string> EcdsaSignatureMethods = new HashSet<string>(StringComparer.Ordinal) { EcdsaSha256, EcdsaSha384, EcdsaSha512 };

    public static readonly IReadOnlySet<string> DigestMethods = new HashSet<string>(StringComparer.Ordinal) { Sha256, Sha384, Sha512 };

    /// <summary>Canonicalisation without comments; allowed both as CanonicalizationMethod and as a reference transform.</summary>
    public static readonly IReadOnlySet<string> Canonicalizations = new HashSet<string>(StringComparer.Ordinal) { ExclusiveC14N, InclusiveC14N };

    public static bool IsAllowedSignatureMethod(string uri) => RsaSignatureMethods.Contains(uri) || EcdsaSignatureMethods.Contains(uri);

    private static readonly Lazy<bool> Registration = new(() =>
    {
        // SignedXml knows RSA and DSA only; it finds other signature methods through CryptoConfig.
        CryptoConfig.AddAlgorithm(typeof(EcdsaSha256SignatureDescription), EcdsaSha256);
        CryptoConfig.AddAlgorithm(typeof(EcdsaSha384SignatureDescription), EcdsaSha384);
        CryptoConfig.AddAlgorithm(typeof(EcdsaSha512SignatureDescription), EcdsaSha512);
        return true;
    });

    /// <summary>Registers the ECDSA signature descriptions with CryptoConfig, once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;
}
