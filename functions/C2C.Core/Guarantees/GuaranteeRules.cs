using C2C.Core.Validation;

namespace C2C.Core.Guarantees;

/// <summary>
/// The guarantee rules at release, on return and on an unresolved enquiry. Pure: the store applies the outcome with
/// optimistic concurrency and asks again on a conflict, so the balance is never overdrawn.
/// </summary>
public static class GuaranteeRules
{
    /// <summary>Where the GRN sits in a declaration (IE015): the pointer of every refusal.</summary>
    public const string GrnPointer = "/TransitDeclaration/Declaration/Guarantee/GuaranteeReferenceNumber";

    /// <param name="routeCountries">Every country the movement passes through, departure and destination included.</param>
    /// <param name="releaseDate">The day of release (from the declaration, not a clock): validity is checked on it.</param>
    public static ReservationDecision Reserve(GuaranteeAccount? account, GuaranteeClaim claim, IReadOnlyCollection<string> routeCountries, DateOnly releaseDate)
    {
        if (account is null)
            return Refuse(GuaranteeRefusal.Unknown, ErrorCodes.IncorrectValue, $"GRN {claim.Grn} is not registered at this country of departure.");
        var g = account.Guarantee;
        if (GuaranteeTypeCodes.KindOf(claim.TypeCode) != g.Kind)
            return Refuse(GuaranteeRefusal.WrongKind, ErrorCodes.RuleViolation, $"GRN {g.Grn} is a {g.Kind} guarantee; the declaration gives type code {claim.TypeCode}.");
        if (releaseDate < g.ValidFrom)
            return Refuse(GuaranteeRefusal.NotYetValid, ErrorCodes.RuleViolation, $"GRN {g.Grn} is valid from {g.ValidFrom:yyyy-MM-dd}; release on {releaseDate:yyyy-MM-dd}.");
        if (releaseDate > g.ValidTo)
            return Refuse(GuaranteeRefusal.Expired, ErrorCodes.RuleViolation, $"GRN {g.Grn} expired on {g.ValidTo:yyyy-MM-dd}; release on {releaseDate:yyyy-MM-dd}.");
        var notCovered = routeCountries.Where(c => !g.Countries.Contains(c)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (notCovered.Count > 0)
            return Refuse(GuaranteeRefusal.NotValidForCountry, ErrorCodes.RuleViolation,
                $"GRN {g.Grn} is not valid in {string.Join(", ", notCovered)} (valid in {string.Join(", ", g.Countries)}).");
        if (!string.Equals(claim.Currency, g.Currency, StringComparison.Ordinal))
            return Refuse(GuaranteeRefusal.WrongCurrency, ErrorCodes.RuleViolation, $"GRN {g.Grn} is in {g.Currency}; the declaration covers {claim.Currency}.");
        if (g.Kind == GuaranteeKind.Individual && account.Used > 0)
            return Refuse(GuaranteeRefusal.AlreadyUsed, ErrorCodes.RuleViolation, $"GRN {g.Grn} is an individual guarantee and already covers a movement.");
        if (claim.AmountAtRisk > account.Balance)
            return Refuse(GuaranteeRefusal.InsufficientBalance, ErrorCodes.RuleViolation,
                $"GRN {g.Grn}: amount at risk {claim.AmountAtRisk:0.00} {g.Currency} exceeds the balance {account.Balance:0.00} {g.Currency}.");
        return new(account with { Reserved = account.Reserved + claim.AmountAtRisk, Used = account.Used + 1 }, null, null);
    }

    /// <summary>Write-off or cancellation: the reservation's amount goes back (once: a returned reservation changes nothing).</summary>
    public static (GuaranteeAccount Account, Reservation Reservation) Return(GuaranteeAccount account, Reservation reservation, DateTimeOffset at) =>
        reservation.Status == ReservationStatus.Returned
            ? (account, reservation)
            : (account with { Reserved = account.Reserved - reservation.Amount }, reservation with { Status = ReservationStatus.Returned, EndedAt = at });

    /// <summary>An unresolved enquiry keeps the amount and flags the guarantee (only a reservation still held can be kept).</summary>
    public static (GuaranteeAccount Account, Reservation Reservation) Keep(GuaranteeAccount account, Reservation reservation, DateTimeOffset at) =>
        reservation.Status != ReservationStatus.Reserved
            ? (account, reservation)
            : (account with { Flagged = true }, reservation with { Status = ReservationStatus.Kept, EndedAt = at });

    private static ReservationDecision Refuse(GuaranteeRefusal refusal, string code, string reason) =>
        new(null, refusal, new MessageError(code, $"{refusal}: {reason}", GrnPointer));
}
