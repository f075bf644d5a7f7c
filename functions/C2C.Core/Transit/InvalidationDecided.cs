namespace C2C.Core.Transit;

public sealed record InvalidationDecided(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Justification)
    : TransitEvent(MessageId, "IE009", SenderOffice, RecipientOffice, Origin);
