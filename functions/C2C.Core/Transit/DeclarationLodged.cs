using C2C.Core.Messages;
namespace C2C.Core.Transit;

/// <summary>
/// An IE015 without a release time: the office of departure accepted the declaration, which may be amended (IE013)
/// until it is released (IE029). <see cref="RouteFacts.ReleasedAt"/> holds the time it was lodged until release sets it.
/// </summary>
public sealed record DeclarationLodged(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, RouteFacts Facts, DeclarationIdentity Identity)
    : TransitEvent(MessageId, MessageCodes.TransitDeclaration, SenderOffice, RecipientOffice, Origin);
