using System.Text;
using System.Xml;

namespace C2C.Integration.Tests.Security;

/// <summary>An anticipated arrival record from Lomé (TG) to Ouagadougou (BF), as a partner would send it.</summary>
internal static class SampleMessage
{
    public const string Xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <AnticipatedArrivalRecord xmlns="urn:c2c:transit:v1">
          <Header>
            <MessageId>TG-20261124-000042</MessageId>
            <MessageType>IE001</MessageType>
            <PreparedAt>2026-11-24T10:15:00Z</PreparedAt>
            <SenderOffice>TGLOM001</SenderOffice>
            <RecipientOffice>BFOUA001</RecipientOffice>
          </Header>
          <Movement>
            <MRN>26TG00000000004201J4</MRN>
            <OfficeOfDestination>BFOUA001</OfficeOfDestination>
            <Guarantee amount="1250000" currency="XOF">GRN-TG-7781</Guarantee>
            <Goods><HsCode>100630</HsCode><GrossMass>24000.5</GrossMass><Description>Rice, semi-milled &amp; polished</Description></Goods>
          </Movement>
        </AnticipatedArrivalRecord>
        """;

    public static byte[] Bytes => Encoding.UTF8.GetBytes(Xml);

    /// <summary>Parses signed output for inspection or tampering (whitespace kept, no DTD).</summary>
    public static XmlDocument Load(byte[] xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        document.Load(reader);
        return document;
    }

    public static byte[] Save(XmlDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize }))
            document.Save(writer);
        return stream.ToArray();
    }

    public static XmlNamespaceManager Namespaces(XmlDocument document)
    {
        var namespaces = new XmlNamespaceManager(document.NameTable);
        namespaces.AddNamespace("c", "urn:c2c:transit:v1");
        namespaces.AddNamespace("ds", "http://www.w3.org/2000/09/xmldsig#");
        return namespaces;
    }

    /// <summary>Loads, edits and saves again: how an attacker alters a signed message in transit.</summary>
    public static byte[] Edit(byte[] xml, Action<XmlDocument, XmlNamespaceManager> edit)
    {
        var document = Load(xml);
        edit(document, Namespaces(document));
        return Save(document);
    }
}
