using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record ArrivalAdvised(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Office, DateTimeOffset ArrivedAt)
    : TransitEvent(MessageId, MessageCodes.ArrivalAdvice, SenderOffice, RecipientOffice, Origin);
