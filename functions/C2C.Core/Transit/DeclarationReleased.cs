using C2C.Core.Messages;
namespace C2C.Core.Transit;

public sealed record DeclarationReleased(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, RouteFacts Facts)
    : TransitEvent(MessageId, MessageCodes.TransitDeclaration, SenderOffice, RecipientOffice, Origin);
