using C2C.Core.Messages;

namespace C2C.Core.Partners;

/// <summary>What an authenticated party may do: post messages from its own offices, or read as an auditor.</summary>
public static class PartnerAuthorization
{
    /// <summary>
    /// A partner may post a message only if it holds the Partner role and owns the header's sender office:
    /// an administration speaks for its own offices and for no one else's.
    /// </summary>
    public static AccessDecision AuthorizeSend(Partner partner, MessageHeader header)
    {
        if (AuthorizePosting(partner) is { IsAllowed: false } refused)
            return refused;
        if (!partner.Owns(header.SenderOffice))
            return AccessDecision.Deny(partner, AccessDenial.SenderOfficeNotOwned,
                $"partner '{partner.Id}' ({partner.Country}) does not own sender office '{header.SenderOffice}'");
        return AccessDecision.Allow(partner, $"partner '{partner.Id}' may send from '{header.SenderOffice}'");
    }

    /// <summary>The part of <see cref="AuthorizeSend"/> that needs no message: only the Partner role posts.</summary>
    public static AccessDecision AuthorizePosting(Partner partner) =>
        partner.Has(PartnerRole.Partner)
            ? AccessDecision.Allow(partner, $"'{partner.Id}' may post messages")
            : AccessDecision.Deny(partner, AccessDenial.RoleNotGranted, $"'{partner.Id}' does not hold the Partner role and may not post messages");

    /// <summary>
    /// Who may read a movement: auditors every one; a partner only a movement one of its offices took part in, as
    /// the sender or recipient of a message in its history (office of departure, of destination, of transit or exit
    /// on the route, an office that asked for the record or reported on it). An unknown movement gets the same answer
    /// as somebody else's, so a partner cannot probe which references exist.
    /// </summary>
    public static AccessDecision AuthorizeRead(Partner party, string movementReference, IReadOnlyList<Ports.MovementEvent> history)
    {
        if (party.Has(PartnerRole.Auditor))
            return AccessDecision.Allow(party, $"'{party.Id}' may audit");
        return history.Any(e => party.Owns(e.SenderOffice) || party.Owns(e.RecipientOffice))
            ? AccessDecision.Allow(party, $"an office of '{party.Id}' takes part in {movementReference}")
            : AccessDecision.Deny(party, AccessDenial.NotAPartyToTheMovement, $"no movement '{movementReference}' at this node involves an office of '{party.Id}'");
    }

    /// <summary>Only the Operator role reads, replays and purges dead-lettered deliveries.</summary>
    public static AccessDecision AuthorizeOperate(Partner party) =>
        party.Has(PartnerRole.Operator)
            ? AccessDecision.Allow(party, $"'{party.Id}' may operate")
            : AccessDecision.Deny(party, AccessDenial.RoleNotGranted, $"'{party.Id}' does not hold the Operator role");

    /// <summary>Only the Auditor role opens the read-only console; partner administrations do not.</summary>
    public static AccessDecision AuthorizeAudit(Partner party) =>
        party.Has(PartnerRole.Auditor)
            ? AccessDecision.Allow(party, $"'{party.Id}' may audit")
            : AccessDecision.Deny(party, AccessDenial.RoleNotGranted, $"'{party.Id}' does not hold the Auditor role");
}
