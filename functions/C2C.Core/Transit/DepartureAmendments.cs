using C2C.Core.Validation;
using static C2C.Core.Transit.TransitStatus;

namespace C2C.Core.Transit;

/// <summary>
/// The office of departure before release: a declaration lodged without a release is accepted (version 1), amended
/// (IE013, each accepted amendment +1) under <see cref="AmendmentRules"/>, and released (IE029) in its latest version.
/// Nothing is sent abroad and no timer runs before release: the records carry the version that is released.
/// </summary>
internal static class DepartureAmendments
{
    public static TransitDecision Accept(string mrn, DeclarationLodged l)
    {
        var state = new TransitState
        {
            Mrn = mrn, Role = TransitRole.Departure, Status = Accepted, Facts = l.Facts with { Version = DeclarationVersions.First },
            Identity = l.Identity, DeclarationMessageId = l.MessageId,
        };
        return new(state, [], [], [], $"Declaration accepted at {l.Facts.OfficeOfDeparture} (version {DeclarationVersions.First}), not released: amendable until release", null);
    }

    public static TransitDecision Amend(TransitState state, DeclarationAmended a)
    {
        if (state.Status != Accepted)
            return TransitDecision.Reject(ErrorCodes.AmendmentAfterRelease,
                $"IE013 refused: movement {state.Mrn} is {state.Status}; a declaration can be amended only before release.", DepartureDecider.Pointer(a, "MRN"));
        if (AmendmentRules.Check(state.Identity!, a) is { } forbidden)
            return new(null, [], [], [], forbidden.Reason, forbidden);
        var version = DeclarationVersions.Next(state.Facts!);
        var next = state with { Facts = a.Facts with { Version = version }, DeclarationMessageId = a.MessageId };
        return new(next, [], [], [], $"Amendment {a.MessageId} accepted: version {version} of the declaration", null);
    }

    public static TransitDecision Release(TransitState state, ReleaseGranted r)
    {
        if (state.Status != Accepted)
            return DepartureDecider.OutOfSequence(state, r);
        if (r.SenderOffice != state.Facts!.OfficeOfDeparture)
            return TransitDecision.Reject(ErrorCodes.RuleViolation,
                $"IE029 refused: release is for the office of departure {state.Facts.OfficeOfDeparture}, not {r.SenderOffice}.", DepartureDecider.Pointer(r, "Header/MessageSender"));
        if (DateOnly.FromDateTime(r.ReleasedAt.UtcDateTime) > state.Facts.TimeLimit)
            return TransitDecision.Reject(ErrorCodes.RuleViolation,
                $"IE029 refused: release on {r.ReleasedAt:yyyy-MM-dd} is after the declaration's time limit {state.Facts.TimeLimit:yyyy-MM-dd}; amend the time limit first (IE013).", DepartureDecider.Pointer(r, "ReleaseDateTime"));
        return DepartureDecider.Release(state.Mrn, state.Facts with { ReleasedAt = r.ReleasedAt }, r.MessageId, state);
    }
}
