using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using C2C.Core.Messages;

namespace C2C.Core.Outbound;

/// <summary>Builds the XML of messages a node emits itself (receipts, NACKs, records it forwards or answers).</summary>
public static class MessageComposer
{
    private static readonly XNamespace Ns = ParsedMessage.Ns;

    public static XElement Header(MessageHeader header) => new(Ns + "Header",
        Element("MessageId", header.MessageId),
        header.CorrelationId is null ? null : Element("CorrelationId", header.CorrelationId),
        Element("MessageType", header.MessageType),
        Element("PreparationDateTime", DateTime(header.PreparedAt)),
        Element("MessageSender", header.SenderOffice),
        Element("MessageRecipient", header.RecipientOffice));

    /// <summary>The message as UTF-8 bytes without BOM: the form that is archived, signed and sent.</summary>
    public static byte[] Compose(MessageKind kind, MessageHeader header, params object?[] content)
    {
        if (header.MessageType != kind.Code)
            throw new ArgumentException($"header type {header.MessageType} does not match {kind.Code}", nameof(header));
        var root = new XElement(Ns + kind.RootElement, Header(header), content);
        return ToBytes(new XDocument(new XDeclaration("1.0", "UTF-8", null), root));
    }

    public static XElement Element(string localName, object? value) => new(Ns + localName, value);

    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Copies an element of a received message into a new one (its namespace is ours already).</summary>
    public static XElement Copy(XElement source) => new(source);

    public static byte[] ToBytes(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return stream.ToArray();
    }
}
