using C2C.Orchestration.Activities;
using C2C.Orchestration.Cargo;
using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace C2C.Node.Hosting.Worker;

/// <summary>
/// The movement orchestrations on the Durable extension: each function named after its class (the names the local engine
/// registers, <c>AddMovementOrchestrations</c>) and running that very class, so both hostings run one implementation.
/// Written by hand: the Durable Task source generator that would write these is not among the served packages.
/// Activities are built per invocation from the worker's services, as the local worker builds them.
/// </summary>
public sealed class MovementFunctions
{
    private static readonly TransitMovementOrchestrator Transit = new();
    private static readonly CargoMovementOrchestrator Cargo = new();

    [Function(nameof(TransitMovementOrchestrator))]
    public static Task<string> TransitMovement([OrchestrationTrigger] TaskOrchestrationContext context) =>
        Transit.RunAsync(context, context.GetInput<TransitStart>() ?? throw new InvalidOperationException($"{context.InstanceId}: a movement starts with its TransitStart"));

    [Function(nameof(CargoMovementOrchestrator))]
    public static Task<string> CargoMovement([OrchestrationTrigger] TaskOrchestrationContext context) =>
        Cargo.RunAsync(context, context.GetInput<CargoStart>() ?? throw new InvalidOperationException($"{context.InstanceId}: a cargo record starts with its CargoStart"));

    [Function(nameof(RecordMovementStep))]
    public static Task<RecordedStep> RecordStep([ActivityTrigger] MovementStep step, string instanceId, FunctionContext function) =>
        Activity<RecordMovementStep>(function).RunAsync(new ActivityContext(nameof(RecordMovementStep), instanceId), step);

    [Function(nameof(PublishToPartner))]
    public static Task<string> Publish([ActivityTrigger] OutboundMessage message, string instanceId, FunctionContext function) =>
        Activity<PublishToPartner>(function).RunAsync(new ActivityContext(nameof(PublishToPartner), instanceId), message);

    [Function(nameof(SendFunctionalNack))]
    public static Task<string> Nack([ActivityTrigger] Refusal refusal, string instanceId, FunctionContext function) =>
        Activity<SendFunctionalNack>(function).RunAsync(new ActivityContext(nameof(SendFunctionalNack), instanceId), refusal);

    [Function(nameof(DeliverToMovement))]
    public static Task<bool> Deliver([ActivityTrigger] MovementMessage message, string instanceId, FunctionContext function) =>
        Activity<DeliverToMovement>(function).RunAsync(new ActivityContext(nameof(DeliverToMovement), instanceId), message);

    [Function(nameof(ReserveGuarantee))]
    public static Task<GuaranteeAnswer> Reserve([ActivityTrigger] GuaranteeRequest request, string instanceId, FunctionContext function) =>
        Activity<ReserveGuarantee>(function).RunAsync(new ActivityContext(nameof(ReserveGuarantee), instanceId), request);

    [Function(nameof(SettleGuarantee))]
    public static Task<string> Settle([ActivityTrigger] GuaranteeSettlement settlement, string instanceId, FunctionContext function) =>
        Activity<SettleGuarantee>(function).RunAsync(new ActivityContext(nameof(SettleGuarantee), instanceId), settlement);

    private static T Activity<T>(FunctionContext function) where T : class =>
        ActivatorUtilities.GetServiceOrCreateInstance<T>(function.InstanceServices);

    private sealed class ActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
