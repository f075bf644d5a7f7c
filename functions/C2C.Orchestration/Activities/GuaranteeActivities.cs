using C2C.Core.Guarantees;
using C2C.Core.Ports;
using C2C.Core.Validation;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <param name="ReleaseDate">The declaration's day of release: validity is checked on it, the same on every run.</param>
public sealed record GuaranteeRequest(string Mrn, GuaranteeClaim Claim, IReadOnlyList<string> RouteCountries, DateOnly ReleaseDate, DateTimeOffset At);

/// <summary>Reserved (the amount and the balance left), or refused with the declaration's functional NACK.</summary>
public sealed record GuaranteeAnswer(bool Reserved, decimal Amount, string Currency, decimal? BalanceAfter, MessageError? Refusal);

public sealed record GuaranteeSettlement(string Grn, string Mrn, GuaranteeStep Step, DateTimeOffset At);

/// <summary>At release: reserve the amount at risk against the GRN. Keyed by MRN in the ledger: a second run reserves nothing more.</summary>
public sealed class ReserveGuarantee(IGuaranteeLedger ledger) : TaskActivity<GuaranteeRequest, GuaranteeAnswer>
{
    public override async Task<GuaranteeAnswer> RunAsync(TaskActivityContext context, GuaranteeRequest input)
    {
        var result = await ledger.ReserveAsync(input.Mrn, input.Claim, input.RouteCountries, input.ReleaseDate, input.At, CancellationToken.None);
        return result.Reservation is { } r
            ? new GuaranteeAnswer(true, r.Amount, r.Currency, result.Account?.Balance, null)
            : new GuaranteeAnswer(false, input.Claim.AmountAtRisk, input.Claim.Currency, result.Account?.Balance, result.Refusal);
    }
}

/// <summary>At write-off or cancellation: give the amount back; on an unresolved enquiry: keep it and flag the guarantee. Once per movement.</summary>
/// <returns>The reservation's status after it, or "" when the movement reserved nothing.</returns>
public sealed class SettleGuarantee(IGuaranteeLedger ledger) : TaskActivity<GuaranteeSettlement, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, GuaranteeSettlement input) =>
        (await ledger.SettleAsync(input.Grn, input.Mrn, input.Step, input.At, CancellationToken.None))?.Status.ToString() ?? "";
}
