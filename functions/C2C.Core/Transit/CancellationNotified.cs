namespace C2C.Core.Transit;

public sealed record CancellationNotified(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, "IE010", SenderOffice, RecipientOffice, Origin);
