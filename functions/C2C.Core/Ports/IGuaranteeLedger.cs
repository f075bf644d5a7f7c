using C2C.Core.Guarantees;
using C2C.Core.Validation;

namespace C2C.Core.Ports;

/// <summary>
/// The guarantees registered at this country of departure and what each movement reserved against them. Every change is
/// keyed by MRN, so the same change asked twice (an activity run again) is made once; balances never go below zero
/// when movements reserve against one GRN at the same time.
/// </summary>
public interface IGuaranteeLedger
{
    /// <summary>Registers a guarantee or changes its terms; what is reserved against it stays.</summary>
    Task RegisterAsync(Guarantee guarantee, CancellationToken cancellationToken);

    Task<GuaranteeAccount?> GetAsync(string grn, CancellationToken cancellationToken);

    /// <summary>Every movement that reserved against the GRN, oldest first (the guarantee's history).</summary>
    Task<IReadOnlyList<Reservation>> ReservationsAsync(string grn, CancellationToken cancellationToken);

    /// <summary>Reserves the claim's amount at risk for <paramref name="mrn"/> (<see cref="GuaranteeRules.Reserve"/>), or returns the reservation it already has.</summary>
    Task<ReservationResult> ReserveAsync(string mrn, GuaranteeClaim claim, IReadOnlyCollection<string> routeCountries, DateOnly releaseDate, DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>Gives the movement's amount back (<see cref="GuaranteeStep.Return"/>) or keeps it and flags the guarantee (<see cref="GuaranteeStep.Keep"/>); null if it reserved nothing.</summary>
    Task<Reservation?> SettleAsync(string grn, string mrn, GuaranteeStep step, DateTimeOffset at, CancellationToken cancellationToken);
}
