namespace C2C.Core.Transit;

public sealed record EnquiryRequested(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, "IE142", SenderOffice, RecipientOffice, Origin);
