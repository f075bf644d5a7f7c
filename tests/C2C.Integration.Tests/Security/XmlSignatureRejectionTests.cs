using C2C.Core.Ports;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using C2C.Adapters.Security.XmlDsig;
using C2C.Testing;

namespace C2C.Integration.Tests.Security;

public sealed class XmlSignatureRejectionTests
{
    [Theory]
    [InlineData("//c:SenderOffice", "TGCIN001")]
    [InlineData("//c:MRN", "26TG00000000004299J4")]
    [InlineData("//c:GrossMass", "2400.5")]
    public void Altered_content_is_invalid(string xpath, string forged)
    {
        var tampered = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) => d.SelectSingleNode(xpath, ns)!.InnerText = forged);

        var result = Signing.Verify(tampered);

        Assert.Equal(SignatureVerdict.Invalid, result.Verdict);
        Assert.Contains("does not verify", result.Reason);
    }

    [Fact]
    public void Altered_attribute_whitespace_or_added_element_is_invalid_for_ecdsa_too()
    {
        var signed = Signing.Sign(Signing.TogoEcdsa);
        byte[][] tampered =
        [
            SampleMessage.Edit(signed, (d, ns) => ((XmlElement)d.SelectSingleNode("//c:Guarantee", ns)!).SetAttribute("amount", "1")),
            SampleMessage.Edit(signed, (d, ns) => d.SelectSingleNode("//c:Goods", ns)!.AppendChild(d.CreateWhitespace(" "))),
            SampleMessage.Edit(signed, (d, ns) => d.SelectSingleNode("//c:Header", ns)!.AppendChild(d.CreateElement("CorrelationId", "urn:c2c:transit:v1"))),
        ];

        Assert.All(tampered, t => Assert.Equal(SignatureVerdict.Invalid, Signing.Verify(t).Verdict));
    }

    [Theory]
    [InlineData("//ds:DigestValue")]
    [InlineData("//ds:SignatureValue")]
    public void Altered_digest_or_signature_value_is_invalid(string xpath)
    {
        var tampered = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) =>
        {
            var node = d.SelectSingleNode(xpath, ns)!;
            var bytes = Convert.FromBase64String(node.InnerText);
            bytes[^1] ^= 0x01;
            node.InnerText = Convert.ToBase64String(bytes);
        });

        Assert.Equal(SignatureVerdict.Invalid, Signing.Verify(tampered).Verdict);
    }

    [Theory]
    [InlineData("//ds:DigestValue", "not*base64!")]
    [InlineData("//ds:SignatureValue", "not*base64!")]
    [InlineData("//ds:X509Certificate", "not*base64!")]
    [InlineData("//ds:SignatureValue", "QUJD=")]
    [InlineData("//ds:X509Certificate", "QUJDRA==")]
    [InlineData("//ds:DigestValue", "")]
    public void Malformed_base64_or_garbage_in_a_signature_is_invalid_never_an_exception(string xpath, string garbage)
    {
        var tampered = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) => d.SelectSingleNode(xpath, ns)!.InnerText = garbage);

        var result = Signing.Verify(tampered);

        Assert.False(result.IsValid);
        Assert.Equal(SignatureVerdict.Invalid, result.Verdict);
    }

    [Fact]
    public void Removed_signature_is_missing()
    {
        var stripped = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) =>
        {
            var signature = d.SelectSingleNode("//ds:Signature", ns)!;
            signature.ParentNode!.RemoveChild(signature);
        });

        var result = Signing.Verify(stripped);

        Assert.Equal(SignatureVerdict.Missing, result.Verdict);
        Assert.Equal(SignatureVerdict.Missing, Signing.Verify(SampleMessage.Bytes).Verdict);
    }

    [Fact]
    public void Signature_by_an_unregistered_key_is_unknown_certificate()
    {
        var result = Signing.Verify(Signing.Sign(Signing.Intruder));

        Assert.Equal(SignatureVerdict.UnknownCertificate, result.Verdict);
        Assert.Equal(CertificateThumbprint.Sha256(Signing.Intruder), result.CertificateThumbprint);
        Assert.Contains("not registered for partner 'TG'", result.Reason);
    }

    [Fact]
    public void Certificate_of_the_same_partner_that_is_not_pinned_is_unknown()
    {
        var onlyEcdsa = new SigningTrust("TG", [CertificateThumbprint.Sha256(Signing.TogoEcdsa)], []);

        Assert.Equal(SignatureVerdict.UnknownCertificate, Signing.Verify(Signing.Sign(Signing.TogoRsa), onlyEcdsa).Verdict);
    }

    [Fact]
    public void Own_signature_presented_with_the_partners_certificate_in_KeyInfo_is_invalid()
    {
        // The intruder signs a forged message but puts Togo's (public, pinned) certificate in KeyInfo.
        var forged = SampleMessage.Edit(Signing.Sign(Signing.Intruder), (d, ns) =>
            d.SelectSingleNode("//ds:X509Certificate", ns)!.InnerText = Convert.ToBase64String(Signing.TogoRsa.RawData));

        var result = Signing.Verify(forged);

        Assert.Equal(SignatureVerdict.Invalid, result.Verdict);
        Assert.Equal(CertificateThumbprint.Sha256(Signing.TogoRsa), result.CertificateThumbprint);
    }

    [Fact]
    public void Message_without_certificate_and_partner_without_certificate_file_is_unknown_certificate()
    {
        var withoutKeyInfo = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) =>
        {
            var keyInfo = d.SelectSingleNode("//ds:KeyInfo", ns)!;
            keyInfo.ParentNode!.RemoveChild(keyInfo);
        });

        Assert.Equal(SignatureVerdict.UnknownCertificate, Signing.Verify(withoutKeyInfo).Verdict);
    }

    [Fact]
    public void Expired_certificate_is_rejected_even_though_the_signature_is_correct()
    {
        var signed = Signing.Sign(Signing.TogoRsa);
        var afterExpiry = new FixedClock(Signing.TogoRsa.NotAfter.ToUniversalTime().AddDays(1));

        var result = Signing.Verify(signed, time: afterExpiry);

        Assert.Equal(SignatureVerdict.Expired, result.Verdict);
        Assert.Equal(SignatureVerdict.Valid, Signing.Verify(signed).Verdict);
    }

    [Fact]
    public void Certificate_not_yet_valid_is_rejected()
    {
        var beforeValidity = new FixedClock(Signing.TogoEcdsa.NotBefore.ToUniversalTime().AddDays(-1));

        Assert.Equal(SignatureVerdict.NotYetValid, Signing.Verify(Signing.Sign(Signing.TogoEcdsa), time: beforeValidity).Verdict);
    }

    [Fact]
    public void Sha1_signature_is_disallowed_although_its_maths_is_correct()
    {
        var signed = Forge.Sign(Signing.TogoRsa, signatureMethod: Forge.RsaSha1, digestMethod: Forge.Sha1);
        Assert.True(Forge.NaiveCheck(signed, Signing.TogoRsa));

        var result = Signing.Verify(signed);

        Assert.Equal(SignatureVerdict.DisallowedAlgorithm, result.Verdict);
        Assert.Contains("rsa-sha1", result.Reason);
    }

    [Fact]
    public void Sha1_digest_under_an_rsa_sha256_signature_is_disallowed()
    {
        var result = Signing.Verify(Forge.Sign(Signing.TogoRsa, digestMethod: Forge.Sha1));

        Assert.Equal(SignatureVerdict.DisallowedAlgorithm, result.Verdict);
        Assert.Contains("digest method", result.Reason);
    }

    [Fact]
    public void XPath_transform_is_disallowed()
    {
        var signed = Forge.Sign(Signing.TogoRsa, transforms: () =>
        {
            var xpath = new XmlDocument();
            xpath.LoadXml("<XPath xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">not(ancestor-or-self::ds:Signature)</XPath>");
            var transform = new XmlDsigXPathTransform();
            transform.LoadInnerXml(xpath.ChildNodes);
            return [transform, new XmlDsigExcC14NTransform()];
        });

        var result = Signing.Verify(signed);

        Assert.Equal(SignatureVerdict.DisallowedAlgorithm, result.Verdict);
        Assert.Contains("REC-xpath", result.Reason);
    }

    [Theory]
    [InlineData("//ds:Transform[2]/@Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116")]
    [InlineData("//ds:CanonicalizationMethod/@Algorithm", "http://www.w3.org/2001/10/xml-exc-c14n#WithComments")]
    [InlineData("//ds:SignatureMethod/@Algorithm", "http://www.w3.org/2000/09/xmldsig#hmac-sha1")]
    [InlineData("//ds:SignatureMethod/@Algorithm", "http://www.w3.org/2001/04/xmldsig-more#rsa-md5")]
    [InlineData("//ds:Transform[1]/@Algorithm", "http://www.w3.org/2000/09/xmldsig#base64")]
    public void Disallowed_algorithm_uris_are_refused_before_any_cryptography(string xpath, string algorithm)
    {
        var altered = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) => d.SelectSingleNode(xpath, ns)!.Value = algorithm);

        Assert.Equal(SignatureVerdict.DisallowedAlgorithm, Signing.Verify(altered).Verdict);
    }

    [Fact]
    public void Extra_transform_is_disallowed()
    {
        var signed = Forge.Sign(Signing.TogoRsa, transforms: () => [new XmlDsigEnvelopedSignatureTransform(), new XmlDsigExcC14NTransform(), new XmlDsigC14NTransform()]);

        Assert.Equal(SignatureVerdict.DisallowedAlgorithm, Signing.Verify(signed).Verdict);
    }

    [Fact]
    public void Pinned_certificate_with_a_weak_rsa_key_is_disallowed()
    {
        var weak = TestCertificates.Rsa("weak partner key", keySize: 1024);
        var signed = Forge.Sign(weak);

        var result = Signing.Verify(signed, new SigningTrust("TG", [CertificateThumbprint.Sha256(weak)], []));

        Assert.Equal(SignatureVerdict.DisallowedAlgorithm, result.Verdict);
        Assert.Contains("1024", result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<a><b></a>")]
    public void Malformed_input_is_reported_not_thrown(string text)
    {
        Assert.Equal(SignatureVerdict.Malformed, Signing.Verify(Encoding.UTF8.GetBytes(text)).Verdict);
    }

    [Fact]
    public void Reason_is_printable_ascii_even_when_it_quotes_hostile_input()
    {
        var hostile = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) =>
            ((XmlElement)d.SelectSingleNode("//ds:Reference", ns)!).SetAttribute("URI", "#\u00e9v\u00efl\t" + new string('x', 500)));

        var result = Signing.Verify(hostile);

        Assert.Equal(SignatureVerdict.WrappingSuspected, result.Verdict);
        Assert.All(result.Reason, c => Assert.InRange(c, ' ', '~'));
        Assert.True(result.Reason.Length <= 300);
        Assert.Equal(SignatureVerdict.WrappingSuspected, result.Verdict);
    }
}
