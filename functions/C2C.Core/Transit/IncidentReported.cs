using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record IncidentReported(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Code, string Text, bool Transhipment)
    : TransitEvent(MessageId, MessageCodes.IncidentNotification, SenderOffice, RecipientOffice, Origin);
