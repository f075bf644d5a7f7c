using C2C.Core.Transit;

namespace C2C.Core.Guarantees;

/// <summary>The guarantee side of the departure process: derived from the status a step leaves, so the deciders stay as they were.</summary>
public static class MovementGuarantee
{
    /// <summary>Release reserves; write-off and cancellation return; an enquiry ending unresolved keeps the amount. Nothing before release.</summary>
    public static GuaranteeStep Of(TransitState? before, TransitState? after)
    {
        if (after is null || after.Role != TransitRole.Departure || after.Facts?.Guarantee is null)
            return GuaranteeStep.None;
        // Release reserves: of a declaration released at once, or of one accepted first (IE029), on its latest version.
        if (before is null || before.Status == TransitStatus.Accepted)
            return after.Status == TransitStatus.Released ? GuaranteeStep.Reserve : GuaranteeStep.None;
        if (after.IsTerminal && !before.IsTerminal)
            return GuaranteeStep.Return;
        return after.Status == TransitStatus.EnquiryUnresolved && before.Status != TransitStatus.EnquiryUnresolved ? GuaranteeStep.Keep : GuaranteeStep.None;
    }

    /// <summary>Every country the movement passes through: departure, the countries of routing, each office's country.</summary>
    public static IReadOnlyList<string> RouteCountries(RouteFacts facts) =>
        new[] { facts.OfficeOfDeparture[..2], facts.OfficeOfDestination[..2] }
            .Concat(facts.Route.Select(o => o.Office[..2]))
            .Concat(facts.CountriesOfRouting)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
