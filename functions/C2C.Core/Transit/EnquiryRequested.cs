using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record EnquiryRequested(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, MessageCodes.EnquiryRequest, SenderOffice, RecipientOffice, Origin);
