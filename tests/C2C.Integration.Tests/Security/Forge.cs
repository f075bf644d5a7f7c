using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using C2C.Adapters.Security.XmlDsig;

namespace C2C.Integration.Tests.Security;

/// <summary>
/// Builds signatures the production signer would never make (other algorithms, Id references, extra transforms)
/// with SignedXml directly, the way an attacker or a careless partner would.
/// </summary>
internal static class Forge
{
    public const string RsaSha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public const string Sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    public static byte[] Sign(
        X509Certificate2 certificate,
        byte[]? message = null,
        string signatureMethod = DsigAlgorithms.RsaSha256,
        string digestMethod = DsigAlgorithms.Sha256,
        string referenceUri = "",
        Func<Transform[]>? transforms = null,
        Action<XmlDocument>? prepare = null,
        Func<XmlDocument, XmlElement>? placeUnder = null)
    {
        DsigAlgorithms.EnsureRegistered();
        var document = SampleMessage.Load(message ?? SampleMessage.Bytes);
        prepare?.Invoke(document);
        var signedXml = new SignedXml(document)
        {
            SigningKey = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey(),
        };
        signedXml.SignedInfo!.CanonicalizationMethod = DsigAlgorithms.ExclusiveC14N;
        signedXml.SignedInfo.SignatureMethod = signatureMethod;
        var reference = new Reference(referenceUri) { DigestMethod = digestMethod };
        foreach (var transform in transforms?.Invoke() ?? [new XmlDsigEnvelopedSignatureTransform(), new XmlDsigExcC14NTransform()])
            reference.AddTransform(transform);
        signedXml.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signedXml.KeyInfo = keyInfo;
        signedXml.ComputeSignature();
        var parent = placeUnder?.Invoke(document) ?? document.DocumentElement!;
        parent.AppendChild(document.ImportNode(signedXml.GetXml(), true));
        return SampleMessage.Save(document);
    }

    /// <summary>What a naive verifier does: take the first signature and check the maths, nothing else.</summary>
    public static bool NaiveCheck(byte[] message, X509Certificate2 certificate)
    {
        DsigAlgorithms.EnsureRegistered();
        var document = SampleMessage.Load(message);
        var signedXml = new SignedXml(document);
        signedXml.LoadXml((XmlElement)document.GetElementsByTagName("Signature", DsigAlgorithms.Namespace)[0]!);
        return signedXml.CheckSignature(certificate, verifySignatureOnly: true);
    }
}
