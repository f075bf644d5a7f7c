using C2C.Core.Messages;
using static C2C.Core.Outbound.MessageComposer;

namespace C2C.Core.Outbound;

/// <summary>
/// The answer to an accepted amendment (NCTS IE004, answering IE013): the declaration's new version, in place of the
/// receipt (IE928) and with what a receipt says (archive reference, content hash, sequence). Not a message of the
/// exchange (<see cref="MessageCatalog"/>): it is the body of the HTTP answer to the national office.
/// </summary>
public static class AmendmentAcceptance
{
    public static readonly MessageKind Kind = new(MessageCodes.AmendmentAcceptance, "AmendmentAcceptance", MessageFamily.Control, "Acceptance of an amendment");

    public static byte[] Compose(ParsedMessage amendment, string messageId, string senderOffice, DateTimeOffset at, int version, string archiveReference, int sequence)
    {
        var header = new MessageHeader(messageId, amendment.Header.MessageId, Kind.Code, at, senderOffice, amendment.Header.SenderOffice);
        return MessageComposer.Compose(Kind, header,
            Element("MRN", amendment.MovementReference),
            Element("AmendmentAcceptanceDateTime", DateTime(at)),
            Element("OriginalMessageId", amendment.Header.MessageId),
            Element("DeclarationVersion", version),
            Element("ArchiveReference", archiveReference),
            Element("ContentSha256", amendment.Sha256),
            Element("Sequence", sequence));
    }
}
