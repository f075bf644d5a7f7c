using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record BorderPassage(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Office, DateTimeOffset CrossedAt, bool SealsIntact)
    : TransitEvent(MessageId, MessageCodes.BorderPassageNotification, SenderOffice, RecipientOffice, Origin);
