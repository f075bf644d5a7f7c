using System.Security.Cryptography;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// ECDSA for SignedXml (RFC 6931 / RFC 4051 "xmldsig-more#ecdsa-shaNNN"). The signature value is r || s,
/// each padded to the curve's field size (IEEE P1363), which is what ECDsa.SignHash produces by default.
/// </summary>
public abstract class EcdsaSignatureDescription : SignatureDescription
{
    private readonly HashAlgorithmName _hash;

    protected EcdsaSignatureDescription(HashAlgorithmName hash)
    {
        _hash = hash;
        // SignedXml resolves KeyAlgorithm with Type.GetType to check the key matches the signature method.
        KeyAlgorithm = typeof(ECDsa).AssemblyQualifiedName;
        FormatterAlgorithm = typeof(EcdsaSignatureFormatter).AssemblyQualifiedName;
        DeformatterAlgorithm = typeof(EcdsaSignatureDeformatter).AssemblyQualifiedName;
        DigestAlgorithm = hash.Name;
    }

    public override HashAlgorithm CreateDigest() => _hash.Name switch
    {
        "SHA256" => SHA256.Create(),
        "SHA384" => SHA384.Create(),
        "SHA512" => SHA512.Create(),
        _ => throw new CryptographicException($"unsupported digest {_hash.Name}"),
    };

    public override AsymmetricSignatureFormatter CreateFormatter(AsymmetricAlgorithm key) => new EcdsaSignatureFormatter(key);

    public override AsymmetricSignatureDeformatter CreateDeformatter(AsymmetricAlgorithm key) => new EcdsaSignatureDeformatter(key);
}

/// <summary>http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256</summary>
public sealed class EcdsaSha256SignatureDescription() : EcdsaSignatureDescription(HashAlgorithmName.SHA256);

/// <summary>http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384</summary>
public sealed class EcdsaSha384SignatureDescription() : EcdsaSignatureDescription(HashAlgorithmName.SHA384);

/// <summary>http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512</summary>
public sealed class EcdsaSha512SignatureDescription() : EcdsaSignatureDescription(HashAlgorithmName.SHA512);
