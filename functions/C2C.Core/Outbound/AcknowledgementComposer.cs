using System.Text;
using System.Xml;
using C2C.Core.Identifiers;
using C2C.Core.Messages;
using C2C.Core.Validation;
using static C2C.Core.Outbound.MessageComposer;

namespace C2C.Core.Outbound;

/// <summary>Receipts (IE928) and NACKs (IE906 functional, IE917 XML) answering a message.</summary>
public static class AcknowledgementComposer
{
    private const int MaxText = 512;

    /// <param name="messageId">Id of the NACK itself.</param>
    /// <param name="senderOffice">The answering node's office reference.</param>
    /// <param name="recipientOffice">The office that sent the rejected message (or the node's office if unknown).</param>
    public static byte[] Nack(Rejection rejection, string messageId, string senderOffice, string recipientOffice, DateTimeOffset at)
    {
        var kind = rejection.NackKind;
        var original = rejection.Header;
        var header = new MessageHeader(messageId, original?.MessageId, kind.Code, at, senderOffice, recipientOffice);
        var mrn = Mrn.TryParse(rejection.MovementReference, out var valid, out _) ? valid.Value : null;
        return Compose(kind, header,
            mrn is null ? null : Element("MRN", mrn),
            Element("RejectionDateTime", DateTime(at)),
            Element("OriginalMessageId", Clip(original?.MessageId ?? "unknown", 70)),
            original is { MessageType.Length: > 0 } ? Element("OriginalMessageType", Clip(original.MessageType, 35)) : null,
            rejection.Errors.Take(MessageValidator.MaxReportedErrors).Select(e => Element("FunctionalError", new object?[]
            {
                Element("ErrorPointer", Clip(e.Pointer, MaxText)),
                Element("ErrorCode", e.Code),
                Element("ErrorReason", Clip(e.Reason, MaxText)),
                string.IsNullOrEmpty(e.OriginalValue) ? null : Element("OriginalAttributeValue", Clip(e.OriginalValue, MaxText)),
            })));
    }

    public static byte[] Receipt(ParsedMessage accepted, string messageId, string senderOffice, DateTimeOffset at,
        string archiveReference, int sequence, string movementStatus)
    {
        var header = new MessageHeader(messageId, accepted.Header.MessageId, MessageCatalog.PositiveAcknowledgement.Code, at,
            senderOffice, accepted.Header.SenderOffice);
        return Compose(MessageCatalog.PositiveAcknowledgement, header,
            Element("MovementReference", accepted.MovementReference),
            Element("AcceptanceDateTime", DateTime(at)),
            Element("OriginalMessageId", accepted.Header.MessageId),
            Element("OriginalMessageType", accepted.Kind.Code),
            Element("ArchiveReference", Clip(archiveReference, MaxText)),
            Element("ContentSha256", accepted.Sha256),
            Element("Sequence", sequence),
            Element("MovementStatus", Clip(movementStatus, 35)));
    }

    /// <summary>
    /// Echoed texts are clipped and made writable: a parser's error message can quote the very character that made
    /// the input invalid XML (a control character), which no XML answer may contain.
    /// </summary>
    private static string Clip(string value, int max)
    {
        var clipped = value.Length <= max ? value : value[..(max - 1)] + "…";
        var text = new StringBuilder(clipped.Length);
        for (var i = 0; i < clipped.Length; i++)
        {
            if (i + 1 < clipped.Length && XmlConvert.IsXmlSurrogatePair(clipped[i + 1], clipped[i]))
                text.Append(clipped, i++, 2);
            else
                text.Append(XmlConvert.IsXmlChar(clipped[i]) ? clipped[i] : '\uFFFD');
        }
        return text.ToString();
    }
}
