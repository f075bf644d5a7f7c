using C2C.Core.Ports;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using C2C.Adapters.Security.XmlDsig;
using C2C.Testing;

namespace C2C.Integration.Tests.Security;

public sealed class XmlSignatureRoundTripTests
{
    [Fact]
    public void Rsa_signed_message_verifies_against_the_pinned_certificate()
    {
        var signed = Signing.Sign(Signing.TogoRsa);

        var result = Signing.Verify(signed);

        Assert.Equal(SignatureVerdict.Valid, result.Verdict);
        Assert.Equal(DsigAlgorithms.RsaSha256, result.SignatureMethod);
        Assert.Equal(CertificateThumbprint.Sha256(Signing.TogoRsa), result.CertificateThumbprint);
    }

    [Fact]
    public void Ecdsa_p256_signed_message_verifies_and_carries_an_r_s_signature_value()
    {
        var signed = Signing.Sign(Signing.TogoEcdsa);

        var result = Signing.Verify(signed);

        Assert.Equal(SignatureVerdict.Valid, result.Verdict);
        Assert.Equal(DsigAlgorithms.EcdsaSha256, result.SignatureMethod);
        var document = SampleMessage.Load(signed);
        var value = document.SelectSingleNode("//ds:SignatureValue", SampleMessage.Namespaces(document))!.InnerText;
        Assert.Equal(64, Convert.FromBase64String(value).Length); // 32-byte r || 32-byte s (IEEE P1363), as RFC 6931 requires
    }

    [Fact]
    public void Ecdsa_p384_key_signs_with_ecdsa_sha384()
    {
        var certificate = TestCertificates.Ecdsa("Togo P-384", ECCurve.NamedCurves.nistP384);
        var signed = Signing.Sign(certificate);

        var result = Signing.Verify(signed, new SigningTrust("TG", [CertificateThumbprint.Sha256(certificate)], []));

        Assert.Equal(SignatureVerdict.Valid, result.Verdict);
        Assert.Equal(DsigAlgorithms.EcdsaSha384, result.SignatureMethod);
    }

    [Fact]
    public void Signature_is_enveloped_over_the_whole_document_and_is_the_last_child_of_the_root()
    {
        var document = SampleMessage.Load(Signing.Sign(Signing.TogoRsa));
        var ns = SampleMessage.Namespaces(document);

        var root = document.DocumentElement!;
        var last = root.ChildNodes.OfType<XmlElement>().Last();
        Assert.Equal("Signature", last.LocalName);
        Assert.Equal(DsigAlgorithms.Namespace, last.NamespaceURI);
        var reference = (XmlElement)document.SelectSingleNode("//ds:Reference", ns)!;
        Assert.Equal("", reference.GetAttribute("URI"));
        Assert.True(reference.HasAttribute("URI"));
        var transforms = document.SelectNodes("//ds:Reference/ds:Transforms/ds:Transform/@Algorithm", ns)!.Cast<XmlAttribute>().Select(a => a.Value);
        Assert.Equal([DsigAlgorithms.EnvelopedSignature, DsigAlgorithms.ExclusiveC14N], transforms);
        Assert.Equal(DsigAlgorithms.Sha256, document.SelectSingleNode("//ds:DigestMethod/@Algorithm", ns)!.Value);
        Assert.Equal(DsigAlgorithms.ExclusiveC14N, document.SelectSingleNode("//ds:CanonicalizationMethod/@Algorithm", ns)!.Value);
        var embedded = document.SelectSingleNode("//ds:KeyInfo/ds:X509Data/ds:X509Certificate", ns)!.InnerText;
        Assert.Equal(Signing.TogoRsa.RawData, Convert.FromBase64String(embedded));
    }

    [Fact]
    public void Signed_output_is_utf8_without_bom_and_keeps_the_message_content()
    {
        var signed = Signing.Sign(Signing.TogoRsa);

        Assert.NotEqual(0xEF, signed[0]);
        var text = Encoding.UTF8.GetString(signed);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        Assert.Contains("<Description>Rice, semi-milled &amp; polished</Description>", text);
        Assert.Contains("<Guarantee amount=\"1250000\" currency=\"XOF\">GRN-TG-7781</Guarantee>", text);
    }

    [Fact]
    public void Carriage_returns_and_attribute_line_breaks_survive_signing()
    {
        var message = Encoding.UTF8.GetBytes("<Note xmlns=\"urn:c2c:transit:v1\" remark=\"line1&#10;line2&#9;tab\"><Text>a&#13;b\nc</Text></Note>");

        var result = Signing.Verify(Signing.Sign(Signing.TogoEcdsa, message));

        Assert.Equal(SignatureVerdict.Valid, result.Verdict);
    }

    [Fact]
    public void Message_without_KeyInfo_verifies_with_the_registered_certificate()
    {
        var signed = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) =>
        {
            var keyInfo = d.SelectSingleNode("//ds:KeyInfo", ns)!;
            keyInfo.ParentNode!.RemoveChild(keyInfo);
        });
        var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(Signing.TogoRsa.RawData);

        var result = Signing.Verify(signed, new SigningTrust("TG", [], [publicOnly]));

        Assert.Equal(SignatureVerdict.Valid, result.Verdict);
    }

    [Fact]
    public void Signer_refuses_a_message_that_is_already_signed()
    {
        var signed = Signing.Sign(Signing.TogoRsa);

        var error = Assert.Throws<XmlSigningException>(() => Signing.Sign(Signing.TogoRsa, signed));

        Assert.Equal(XmlSigningException.Codes.AlreadySigned, error.Code);
    }

    [Fact]
    public void Signer_refuses_a_message_with_a_dtd()
    {
        var message = Encoding.UTF8.GetBytes("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>");

        var error = Assert.Throws<XmlSigningException>(() => Signing.Sign(Signing.TogoRsa, message));

        Assert.Equal(XmlSigningException.Codes.MalformedMessage, error.Code);
    }

    [Fact]
    public void Signer_refuses_an_expired_signing_certificate()
    {
        var certificate = TestCertificates.Rsa("expired", notBefore: DateTimeOffset.UtcNow.AddYears(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));

        var error = Assert.Throws<XmlSigningException>(() => Signing.Sign(certificate));

        Assert.Equal(XmlSigningException.Codes.CertificateNotValidNow, error.Code);
    }

    [Fact]
    public void Signing_credential_refuses_weak_rsa_keys_and_certificates_without_private_key()
    {
        var weak = TestCertificates.Rsa("weak", keySize: 1024);
        var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(Signing.TogoRsa.RawData);

        Assert.Equal(XmlSigningException.Codes.WeakKey, Assert.Throws<XmlSigningException>(() => SigningCredential.FromCertificate(weak)).Code);
        Assert.Equal(XmlSigningException.Codes.NoPrivateKey, Assert.Throws<XmlSigningException>(() => SigningCredential.FromCertificate(publicOnly)).Code);
    }
}
