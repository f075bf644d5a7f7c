using C2C.Core.Messages;
namespace C2C.Core.Transit;

/// <summary>An IE013: the whole declaration as amended, before release.</summary>
/// <param name="CarriesRelease">The amended declaration names a release time: release is IE029's, so it is refused.</param>
public sealed record DeclarationAmended(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, RouteFacts Facts, DeclarationIdentity Identity,
    bool CarriesRelease)
    : TransitEvent(MessageId, MessageCodes.DeclarationAmendment, SenderOffice, RecipientOffice, Origin);
