using System.Security.Cryptography.Xml;
using System.Xml;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// Signs an outbound message on behalf of this node's administration: one enveloped XMLDSig signature over the
/// whole document (Reference URI="", enveloped-signature + exclusive c14n, SHA-256 digest), appended as the last
/// child of the message root, with the signing certificate in KeyInfo so the receiver can pick the pinned key.
/// </summary>
public sealed class XmlMessageSigner
{
    private readonly SigningCredential _credential;
    private readonly TimeProvider _time;

    public XmlMessageSigner(SigningCredential credential, TimeProvider? time = null)
    {
        DsigAlgorithms.EnsureRegistered();
        _credential = credential;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The signed message as UTF-8 bytes. Throws <see cref="XmlSigningException"/> when it cannot be signed.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var now = _time.GetUtcNow();
        var certificate = _credential.Certificate;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            throw new XmlSigningException(XmlSigningException.Codes.CertificateNotValidNow,
                $"signing certificate {_credential.Thumbprint} is valid from {certificate.NotBefore:O} to {certificate.NotAfter:O}, not at {now:O}");

        XmlDocument document;
        try
        {
            document = SignableXml.Load(message);
        }
        catch (XmlException e)
        {
            throw new XmlSigningException(XmlSigningException.Codes.MalformedMessage, $"message is not well-formed XML: {e.Message}", e);
        }
        var root = document.DocumentElement
            ?? throw new XmlSigningException(XmlSigningException.Codes.MalformedMessage, "message has no root element");
        if (document.GetElementsByTagName("Signature", DsigAlgorithms.Namespace).Count > 0)
            throw new XmlSigningException(XmlSigningException.Codes.AlreadySigned, "message already carries an XML signature");

        var signedXml = new SignedXml(document) { SigningKey = _credential.PrivateKey };
        signedXml.SignedInfo!.CanonicalizationMethod = DsigAlgorithms.ExclusiveC14N;
        signedXml.SignedInfo.SignatureMethod = _credential.SignatureMethod;
        var reference = new Reference("") { DigestMethod = DsigAlgorithms.Sha256 };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signedXml.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signedXml.KeyInfo = keyInfo;
        signedXml.ComputeSignature();

        root.AppendChild(document.ImportNode(signedXml.GetXml(), deep: true));
        return SignableXml.Save(document);
    }
}
