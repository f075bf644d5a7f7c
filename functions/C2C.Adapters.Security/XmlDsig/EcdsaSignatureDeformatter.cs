using System.Security.Cryptography;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>Checks an r || s ECDSA signature over a digest with an ECDSA public key.</summary>
public sealed class EcdsaSignatureDeformatter : AsymmetricSignatureDeformatter
{
    private ECDsa? _key;

    public EcdsaSignatureDeformatter(AsymmetricAlgorithm key) => SetKey(key);

    public override void SetKey(AsymmetricAlgorithm key) =>
        _key = key as ECDsa ?? throw new CryptographicException("an ECDSA signature method needs an ECDSA key");

    public override void SetHashAlgorithm(string strName)
    {
        // The digest is chosen by the signature description; nothing to record here.
    }

    public override bool VerifySignature(byte[] rgbHash, byte[] rgbSignature) =>
        (_key ?? throw new CryptographicException("no key")).VerifyHash(rgbHash, rgbSignature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
