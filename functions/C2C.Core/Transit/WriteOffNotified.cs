using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record WriteOffNotified(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, MessageCodes.WriteOffNotification, SenderOffice, RecipientOffice, Origin);
