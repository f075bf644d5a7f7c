using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record CancellationNotified(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, MessageCodes.CancellationNotification, SenderOffice, RecipientOffice, Origin);
