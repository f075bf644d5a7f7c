using C2C.Orchestration.Activities;
using C2C.Orchestration.Cargo;
using C2C.Orchestration.Transit;
using Microsoft.DurableTask;

namespace C2C.Orchestration;

/// <summary>
/// Registers the movement orchestrators and their activities by class name, the names the isolated worker's functions
/// carry too. Their dependencies (node context, archive, index, signer, publisher, and the hand-off's
/// <see cref="HandOff.IMovementDoor"/> for <see cref="DeliverToMovement"/>) come from the host's services.
/// </summary>
public static class MovementOrchestrations
{
    public static DurableTaskRegistry AddMovementOrchestrations(this DurableTaskRegistry registry) =>
        registry
            .AddOrchestrator<TransitMovementOrchestrator>()
            .AddOrchestrator<CargoMovementOrchestrator>()
            .AddActivity<RecordMovementStep>()
            .AddActivity<PublishToPartner>()
            .AddActivity<SendFunctionalNack>()
            .AddActivity<DeliverToMovement>()
            .AddActivity<ReserveGuarantee>()
            .AddActivity<SettleGuarantee>();
}
