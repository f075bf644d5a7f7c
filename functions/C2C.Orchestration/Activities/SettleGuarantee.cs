using C2C.Core.Guarantees;
using C2C.Core.Ports;
using C2C.Core.Validation;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>At write-off or cancellation: give the amount back; on an unresolved enquiry: keep it and flag the guarantee. Once per movement.</summary>
/// <returns>The reservation's status after it, or "" when the movement reserved nothing.</returns>
public sealed class SettleGuarantee(IGuaranteeLedger ledger) : TaskActivity<GuaranteeSettlement, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, GuaranteeSettlement input) =>
        (await ledger.SettleAsync(input.Grn, input.Mrn, input.Step, input.At, CancellationToken.None))?.Status.ToString() ?? "";
}
