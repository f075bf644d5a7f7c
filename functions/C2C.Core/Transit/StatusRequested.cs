namespace C2C.Core.Transit;

public sealed record StatusRequested(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, "IE094", SenderOffice, RecipientOffice, Origin);
