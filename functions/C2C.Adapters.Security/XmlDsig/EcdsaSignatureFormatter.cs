using System.Security.Cryptography;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>Signs a digest with an ECDSA private key; the digest algorithm is fixed by the signature description.</summary>
public sealed class EcdsaSignatureFormatter : AsymmetricSignatureFormatter
{
    private ECDsa? _key;

    public EcdsaSignatureFormatter(AsymmetricAlgorithm key) => SetKey(key);

    public override void SetKey(AsymmetricAlgorithm key) =>
        _key = key as ECDsa ?? throw new CryptographicException("an ECDSA signature method needs an ECDSA key");

    public override void SetHashAlgorithm(string strName)
    {
        // The digest is chosen by the signature description; nothing to record here.
    }

    public override byte[] CreateSignature(byte[] rgbHash) =>
        (_key ?? throw new CryptographicException("no key")).SignHash(rgbHash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
