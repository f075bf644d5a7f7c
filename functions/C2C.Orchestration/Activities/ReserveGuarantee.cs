using C2C.Core.Guarantees;
using C2C.Core.Ports;
using C2C.Core.Validation;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

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
