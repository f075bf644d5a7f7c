using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record StatusRequested(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, MessageCodes.StatusRequest, SenderOffice, RecipientOffice, Origin);
