using C2C.Core.Exchange;
using C2C.Core.Guarantees;
using C2C.Core.Validation;
using C2C.Core.Transit;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Messages;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace C2C.Orchestration.Transit;

/// <summary>
/// One transit movement at one node, from its first message to some time after its end. Each message is decided by
/// the pure deciders, recorded (archive + hash-chained index, one activity) and what it sends is published. Deadlines
/// are durable timers; a partner's message that comes too early is held until it fits or its hold ends.
/// </summary>
public sealed class TransitMovementOrchestrator : TaskOrchestrator<TransitStart, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TransitStart start)
    {
        var journey = new TransitJourney(start, Now(context));
        var movement = new MovementActivities(context, start.Mrn, start.Times);

        if (start.First is { } first)
            await ReceiveAsync(context, journey, movement, first);

        await MovementLoop.RunAsync(context, journey, message => ReceiveAsync(context, journey, movement, message), wake => WakeAsync(context, journey, movement, wake));
        return journey.Status.Name;
    }

    private static async Task ReceiveAsync(TaskOrchestrationContext context, TransitJourney journey, MovementActivities movement, MovementMessage message)
    {
        if (journey.AlreadyHas(message.MessageId))
            return;
        var decision = journey.Decide(message.ReadEvent());
        if (decision.Rejection is { } error)
        {
            if (journey.MayHold(message, error))
            {
                Log(context).MessageHeld(context.InstanceId, message.MessageType, message.MessageId, error.Reason);
                journey.Hold(message, error, Now(context));
                await movement.RecordHoldAsync(message, error, journey.Status);
                return;
            }
            await RefuseAsync(context, journey, movement, message, error);
            return;
        }
        if (await ReserveGuaranteeAsync(context, journey, movement, decision) is { } guarantee)
        {
            if (guarantee.Refusal is { } refused)
            {
                await RefuseAsync(context, journey, movement, message, refused);
                return;
            }
            decision = decision with { History = $"{decision.History}; guarantee {decision.State!.Facts!.Guarantee!.Grn}: {guarantee.Amount:0.00} {guarantee.Currency} reserved, balance {guarantee.BalanceAfter:0.00}" };
        }
        await ApplyAsync(context, journey, movement, message.MessageId, message.MessageType, message, decision);
        await ApplyHeldThatFitAsync(context, journey, movement);
    }

    private static async Task RefuseAsync(TaskOrchestrationContext context, TransitJourney journey, MovementActivities movement, MovementMessage message, MessageError error)
    {
        Log(context).MessageRefused(context.InstanceId, message.MessageType, message.MessageId, error.Code, error.Reason);
        journey.Refused(message.MessageId);
        if (context.CompareVersionTo(MovementVersions.RefusalsInHistory) >= 0)
            await movement.RecordRefusalAsync(message, error, journey.Status);
        await movement.SendNackAsync(message, error);
    }

    /// <summary>
    /// At release (from <see cref="MovementVersions.Guarantees"/>): the amount at risk is reserved against the GRN before
    /// the release is recorded, so a guarantee that does not cover the movement refuses the declaration (its NACK) and
    /// nothing is released. Null when the step reserves nothing.
    /// </summary>
    private static async Task<GuaranteeAnswer?> ReserveGuaranteeAsync(TaskOrchestrationContext context, TransitJourney journey, MovementActivities movement, TransitDecision decision)
    {
        if (context.CompareVersionTo(MovementVersions.Guarantees) < 0 || MovementGuarantee.Of(journey.State, decision.State) != GuaranteeStep.Reserve)
            return null;
        var facts = decision.State!.Facts!;
        return await movement.ReserveGuaranteeAsync(new GuaranteeRequest(decision.State.Mrn, facts.Guarantee!, MovementGuarantee.RouteCountries(facts),
            DateOnly.FromDateTime(facts.ReleasedAt.UtcDateTime), Now(context)));
    }

    /// <summary>Write-off and cancellation give the amount back; an enquiry ending unresolved keeps it and flags the guarantee.</summary>
    private static async Task<TransitDecision> SettleGuaranteeAsync(TaskOrchestrationContext context, TransitJourney journey, MovementActivities movement, TransitDecision decision)
    {
        var step = MovementGuarantee.Of(journey.State, decision.State);
        if (context.CompareVersionTo(MovementVersions.Guarantees) < 0 || step is not (GuaranteeStep.Return or GuaranteeStep.Keep))
            return decision;
        var grn = decision.State!.Facts!.Guarantee!.Grn;
        var status = await movement.SettleGuaranteeAsync(new GuaranteeSettlement(grn, decision.State.Mrn, step, Now(context)));
        var note = status switch
        {
            nameof(ReservationStatus.Returned) => $"guarantee {grn}: amount returned",
            nameof(ReservationStatus.Kept) => $"guarantee {grn}: amount kept, guarantee flagged (enquiry unresolved)",
            _ => $"guarantee {grn}: nothing reserved for this movement",
        };
        return decision with { History = $"{decision.History}; {note}" };
    }

    /// <summary>Every change may let a held message fit: the oldest that fits is applied, and the pass starts over.</summary>
    private static async Task ApplyHeldThatFitAsync(TaskOrchestrationContext context, TransitJourney journey, MovementActivities movement)
    {
        while (journey.TakeFirstThatFits() is var (held, decision))
            await ApplyAsync(context, journey, movement, held.Message.MessageId, held.Message.MessageType, held.Message, decision);
    }

    private static async Task WakeAsync(TaskOrchestrationContext context, TransitJourney journey, MovementActivities movement, Wake wake)
    {
        switch (wake.Reason)
        {
            case WakeReason.Deadline:
                var decision = journey.OnDeadline(wake.Kind!, wake.At);
                if (!decision.ChangesNothing)
                    await ApplyAsync(context, journey, movement, TimerId(context, wake), "TIMER", null, decision);
                await ApplyHeldThatFitAsync(context, journey, movement);
                break;
            case WakeReason.HoldEnds:
                foreach (var ended in journey.TakeEndedHolds(Now(context)))
                    await movement.EndHoldAsync(ended, journey.Status);
                break;
            case WakeReason.Close:
                break; // the loop ends: nothing held, no deadline, closed long enough
        }
    }

    private static async Task ApplyAsync(TaskOrchestrationContext context, TransitJourney journey, MovementActivities movement,
        string triggerId, string triggerType, MovementMessage? message, TransitDecision decision)
    {
        decision = await SettleGuaranteeAsync(context, journey, movement, decision);
        var now = Now(context);
        await movement.RecordAndPublishAsync(triggerId, triggerType, message, TransitProcess.ToMovement(decision), now);
        journey.Apply(decision, triggerId, now);
        Log(context).StepRecorded(context.InstanceId, triggerId, journey.Status.Name, decision.History);
    }

    private static ILogger Log(TaskOrchestrationContext context) => context.CreateReplaySafeLogger<TransitMovementOrchestrator>();

    /// <summary>A timer's id in the index: unique node-wide, the same on every replay (as the sweep's were).</summary>
    private static string TimerId(TaskOrchestrationContext context, Wake wake) =>
        $"timer-{wake.Kind}-{wake.At.UtcDateTime:yyyyMMddHHmmssfff}-{context.InstanceId}";

    private static DateTimeOffset Now(TaskOrchestrationContext context) => MovementLoop.Now(context);
}
