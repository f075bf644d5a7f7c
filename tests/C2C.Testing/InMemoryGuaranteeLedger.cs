using C2C.Core.Guarantees;
using C2C.Core.Ports;

namespace C2C.Testing;

/// <summary>The guarantee ledger in memory, for orchestrator unit tests: the same rules as the table ledger, one lock instead of ETags.</summary>
public sealed class InMemoryGuaranteeLedger : IGuaranteeLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GuaranteeAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Grn, string Mrn), Reservation> _reservations = [];

    public InMemoryGuaranteeLedger(params Guarantee[] guarantees)
    {
        foreach (var g in guarantees)
            _accounts[g.Grn] = new GuaranteeAccount(g, 0, 0, false);
    }

    public Task RegisterAsync(Guarantee guarantee, CancellationToken cancellationToken)
    {
        lock (_gate)
            _accounts[guarantee.Grn] = _accounts.TryGetValue(guarantee.Grn, out var a) ? a with { Guarantee = guarantee } : new GuaranteeAccount(guarantee, 0, 0, false);
        return Task.CompletedTask;
    }

    public Task<GuaranteeAccount?> GetAsync(string grn, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_accounts.GetValueOrDefault(grn));
    }

    public Task<IReadOnlyList<Reservation>> ReservationsAsync(string grn, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Reservation>>(_reservations.Values.Where(r => r.Grn == grn).OrderBy(r => r.ReservedAt).ToList());
    }

    public Task<ReservationResult> ReserveAsync(string mrn, GuaranteeClaim claim, IReadOnlyCollection<string> routeCountries, DateOnly releaseDate, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var account = _accounts.GetValueOrDefault(claim.Grn);
            if (_reservations.TryGetValue((claim.Grn, mrn), out var existing))
                return Task.FromResult(new ReservationResult(existing, account, null));
            var decision = GuaranteeRules.Reserve(account, claim, routeCountries, releaseDate);
            if (!decision.IsReserved)
                return Task.FromResult(new ReservationResult(null, account, decision.Error));
            var reservation = new Reservation(claim.Grn, mrn, claim.AmountAtRisk, claim.Currency, ReservationStatus.Reserved, at);
            _accounts[claim.Grn] = decision.Account!;
            _reservations[(claim.Grn, mrn)] = reservation;
            return Task.FromResult(new ReservationResult(reservation, decision.Account, null));
        }
    }

    public Task<Reservation?> SettleAsync(string grn, string mrn, GuaranteeStep step, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_reservations.TryGetValue((grn, mrn), out var held))
                return Task.FromResult<Reservation?>(null);
            var (account, settled) = step == GuaranteeStep.Return ? GuaranteeRules.Return(_accounts[grn], held, at) : GuaranteeRules.Keep(_accounts[grn], held, at);
            (_accounts[grn], _reservations[(grn, mrn)]) = (account, settled);
            return Task.FromResult<Reservation?>(settled);
        }
    }
}
