using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record InvalidationDecided(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Justification)
    : TransitEvent(MessageId, MessageCodes.InvalidationDecision, SenderOffice, RecipientOffice, Origin);
