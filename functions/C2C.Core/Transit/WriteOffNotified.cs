namespace C2C.Core.Transit;

public sealed record WriteOffNotified(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, "IE045", SenderOffice, RecipientOffice, Origin);
