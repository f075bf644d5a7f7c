using C2C.Core.Ports;
using System.Text;
using System.Xml;
using C2C.Adapters.Security.XmlDsig;

namespace C2C.Integration.Tests.Security;

/// <summary>XML signature wrapping (XSW) and XXE: a validly signed message rearranged so that what is read is not what was signed.</summary>
public sealed class XmlSignatureWrappingTests
{
    private const string C2C = "urn:c2c:transit:v1";

    [Fact]
    public void Signed_message_moved_under_a_wrapper_element_of_a_forged_root_is_wrapping()
    {
        var signed = SampleMessage.Load(Signing.Sign(Signing.TogoRsa));
        var forged = new XmlDocument { PreserveWhitespace = true };
        var root = (XmlElement)forged.AppendChild(forged.CreateElement("AnticipatedArrivalRecord", C2C))!;
        var header = (XmlElement)root.AppendChild(forged.CreateElement("Header", C2C))!;
        header.AppendChild(forged.CreateElement("SenderOffice", C2C))!.InnerText = "TGLOM001";
        header.AppendChild(forged.CreateElement("RecipientOffice", C2C))!.InnerText = "BFBOB001";
        var wrapper = root.AppendChild(forged.CreateElement("Extension", C2C))!;
        wrapper.AppendChild(forged.ImportNode(signed.DocumentElement!, true));

        var result = Signing.Verify(SampleMessage.Save(forged));

        Assert.Equal(SignatureVerdict.WrappingSuspected, result.Verdict);
        Assert.Contains("not a child of the message root", result.Reason);
    }

    [Fact]
    public void Signed_content_hidden_in_a_ds_Object_under_forged_content_is_wrapping()
    {
        var forged = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) =>
        {
            var signature = (XmlElement)d.SelectSingleNode("//ds:Signature", ns)!;
            var original = d.DocumentElement!;
            var copy = (XmlElement)original.CloneNode(true);
            copy.RemoveChild(copy.SelectSingleNode("ds:Signature", ns)!);
            var dsObject = signature.AppendChild(d.CreateElement("Object", DsigAlgorithms.Namespace))!;
            dsObject.AppendChild(copy);
            original.SelectSingleNode("//c:Header/c:RecipientOffice", ns)!.InnerText = "BFBOB001";
        });

        var result = Signing.Verify(forged);

        Assert.Equal(SignatureVerdict.WrappingSuspected, result.Verdict);
        Assert.Contains("ds:Object", result.Reason);
    }

    [Fact]
    public void Second_signature_is_wrapping_even_if_each_one_verifies()
    {
        var signed = Signing.Sign(Signing.TogoRsa);
        var twice = SampleMessage.Edit(signed, (d, ns) =>
        {
            var signature = d.SelectSingleNode("//ds:Signature", ns)!;
            d.DocumentElement!.InsertBefore(signature.CloneNode(true), signature);
        });

        var result = Signing.Verify(twice);

        Assert.Equal(SignatureVerdict.WrappingSuspected, result.Verdict);
        Assert.Contains("2 ds:Signature", result.Reason);
    }

    [Fact]
    public void Intruder_signature_added_next_to_the_partners_is_wrapping()
    {
        // Take Togo's signature off, alter the message, sign it with another key, then put Togo's back first.
        var original = SampleMessage.Load(Signing.Sign(Signing.TogoRsa));
        var ns = SampleMessage.Namespaces(original);
        var togoSignature = original.SelectSingleNode("//ds:Signature", ns)!;
        original.DocumentElement!.RemoveChild(togoSignature);
        original.SelectSingleNode("//c:RecipientOffice", ns)!.InnerText = "BFBOB001";
        var resigned = SampleMessage.Load(Forge.Sign(Signing.Intruder, SampleMessage.Save(original)));
        var root = resigned.DocumentElement!;
        root.InsertBefore(resigned.ImportNode(togoSignature, true), root.LastChild);

        Assert.Equal(SignatureVerdict.WrappingSuspected, Signing.Verify(SampleMessage.Save(resigned)).Verdict);
    }

    [Fact]
    public void Reference_to_an_Id_is_wrapping_although_a_naive_verifier_accepts_it()
    {
        // Togo signs only the Movement (Id reference); the header outside it can then be changed freely.
        var signed = Forge.Sign(Signing.TogoRsa, referenceUri: "#movement",
            prepare: d => ((XmlElement)d.GetElementsByTagName("Movement", C2C)[0]!).SetAttribute("Id", "movement"));
        var forged = SampleMessage.Edit(signed, (d, ns) => d.SelectSingleNode("//c:RecipientOffice", ns)!.InnerText = "BFBOB001");
        Assert.True(Forge.NaiveCheck(forged, Signing.TogoRsa));

        var result = Signing.Verify(forged);

        Assert.Equal(SignatureVerdict.WrappingSuspected, result.Verdict);
        Assert.Contains("selects an element by Id", result.Reason);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/evil.xml")]
    [InlineData("file:///etc/passwd")]
    public void Reference_to_anything_outside_the_document_is_wrapping(string uri)
    {
        var altered = SampleMessage.Edit(Signing.Sign(Signing.TogoRsa), (d, ns) =>
            ((XmlElement)d.SelectSingleNode("//ds:Reference", ns)!).SetAttribute("URI", uri));

        Assert.Equal(SignatureVerdict.WrappingSuspected, Signing.Verify(altered).Verdict);
    }

    [Fact]
    public void Reference_without_URI_or_a_second_reference_is_wrapping()
    {
        var signed = Signing.Sign(Signing.TogoRsa);
        var noUri = SampleMessage.Edit(signed, (d, ns) => ((XmlElement)d.SelectSingleNode("//ds:Reference", ns)!).RemoveAttribute("URI"));
        var twoReferences = SampleMessage.Edit(signed, (d, ns) =>
        {
            var reference = d.SelectSingleNode("//ds:Reference", ns)!;
            reference.ParentNode!.AppendChild(reference.CloneNode(true));
        });

        Assert.Equal(SignatureVerdict.WrappingSuspected, Signing.Verify(noUri).Verdict);
        Assert.Equal(SignatureVerdict.WrappingSuspected, Signing.Verify(twoReferences).Verdict);
    }

    [Fact]
    public void Signature_not_last_or_nested_deeper_is_wrapping()
    {
        var signed = Signing.Sign(Signing.TogoRsa);
        var contentAfter = SampleMessage.Edit(signed, (d, _) => d.DocumentElement!.AppendChild(d.CreateElement("Movement", C2C)));
        var nested = SampleMessage.Edit(signed, (d, ns) =>
        {
            var signature = d.SelectSingleNode("//ds:Signature", ns)!;
            d.DocumentElement!.RemoveChild(signature);
            d.SelectSingleNode("//c:Header", ns)!.AppendChild(signature);
        });

        Assert.Equal(SignatureVerdict.WrappingSuspected, Signing.Verify(contentAfter).Verdict);
        Assert.Equal(SignatureVerdict.WrappingSuspected, Signing.Verify(nested).Verdict);
    }

    [Fact]
    public void External_entity_in_a_signed_message_is_refused_unparsed()
    {
        var canary = Path.Combine(Path.GetTempPath(), $"c2c-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(canary, "SECRET-FROM-DISK");
        try
        {
            var text = Encoding.UTF8.GetString(Signing.Sign(Signing.TogoRsa));
            var withXxe = text.Replace("?>", $"?><!DOCTYPE AnticipatedArrivalRecord [<!ENTITY xxe SYSTEM \"file://{canary}\">]>", StringComparison.Ordinal)
                .Replace("GRN-TG-7781", "&xxe;", StringComparison.Ordinal);

            var result = Signing.Verify(Encoding.UTF8.GetBytes(withXxe));

            Assert.Equal(SignatureVerdict.Malformed, result.Verdict);
            Assert.Contains("DTD", result.Reason);
            Assert.DoesNotContain("SECRET", result.Reason);
        }
        finally
        {
            File.Delete(canary);
        }
    }

    [Fact]
    public void Entity_expansion_bomb_is_refused_unparsed()
    {
        var lol = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
        var text = Encoding.UTF8.GetString(Signing.Sign(Signing.TogoRsa)).Replace("?>", "?>" + lol, StringComparison.Ordinal);

        Assert.Equal(SignatureVerdict.Malformed, Signing.Verify(Encoding.UTF8.GetBytes(text)).Verdict);
    }
}
