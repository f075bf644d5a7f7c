using C2C.Core.Cargo;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Messages;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace C2C.Orchestration.Cargo;

/// <summary>
/// One SASEC cargo record at one node: a consignment (export side: PA001 forwarded, PA002 back; import side: PA001
/// targeted and acknowledged, then its arrival) or a voyage (its vessel's arrival report, PA003). Each message is
/// decided by <see cref="CargoDecider"/>, recorded (archive + hash-chained index, one activity), and what it sends is
/// published. A vessel's arrival reaches each consignment on board through that consignment's own orchestration,
/// the one writer of its record, and counts as delivered once the consignment recorded it.
/// </summary>
public sealed class CargoMovementOrchestrator : TaskOrchestrator<CargoStart, string>
{
    /// <summary>How long after delivering a vessel's arrival the voyage first asks whether each consignment recorded it (then twice as long, up to <see cref="Transit.MovementTimes.RetryPublishAfter"/>).</summary>
    private static readonly TimeSpan FirstArrivalCheck = TimeSpan.FromSeconds(1);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, CargoStart start)
    {
        var journey = new CargoJourney(start, MovementLoop.Now(context));
        var movement = new MovementActivities(context, start.Reference, start.Times);

        if (start.First is { } first)
            await ReceiveAsync(context, start, journey, movement, first);

        // Nothing to wake up for but the end: cargo records have no customs deadline.
        await MovementLoop.RunAsync(context, journey, message => ReceiveAsync(context, start, journey, movement, message), _ => Task.CompletedTask);
        return journey.Status.Name;
    }

    private static async Task ReceiveAsync(TaskOrchestrationContext context, CargoStart start, CargoJourney journey, MovementActivities movement, MovementMessage message)
    {
        if (journey.AlreadyHas(message.MessageId))
            return;
        var e = message.ReadCargoEvent();
        var decision = journey.Decide(e);
        if (decision.Rejection is { } error)
        {
            Log(context).MessageRefused(context.InstanceId, message.MessageType, message.MessageId, error.Code, error.Reason);
            journey.Refused(message.MessageId);
            await movement.RecordRefusalAsync(message, error, journey.Status);
            await movement.SendNackAsync(message, error);
            return;
        }
        // A raised arrival has no bytes: recorded as the node's own event (from and to its gateway office), as the timers are.
        var now = MovementLoop.Now(context);
        await movement.RecordAndPublishAsync(message.MessageId, message.MessageType, e is ConsignmentArrived ? null : message, decision.ToMovement(), now);
        journey.Apply(decision, message.MessageId, now);
        Log(context).StepRecorded(context.InstanceId, message.MessageId, journey.Status.Name, decision.History);
        if (e is VesselArrivalReported report)
            await DeliverArrivalAsync(context, start, movement, report);
    }

    /// <summary>
    /// The vessel's arrival to each consignment on board, after the report is recorded (the ingest's acknowledgement):
    /// delivered through the hand-off's door, then asked after a durable timer whether each consignment recorded it
    /// (<c>arrival-{report}-{consignment}</c> in the index), and delivered again to those that did not, until all did.
    /// A node that dies half-way replays this from the history: the recorded ones answer at once, the others get it again.
    /// </summary>
    private static async Task DeliverArrivalAsync(TaskOrchestrationContext context, CargoStart start, MovementActivities movement, VesselArrivalReported report)
    {
        IReadOnlyList<MovementMessage> pending =
        [
            .. report.Consignments.Where(c => c != start.Reference) // a voyage is not on board of itself
                .Select(c => MovementMessage.Raised(c, new ConsignmentArrived(ConsignmentArrived.IdFor(report.MessageId, c), start.Reference, report.PortOfDischarge, report.ArrivedAt, report.SenderOffice))),
        ];
        var wait = FirstArrivalCheck;
        for (var round = 1; pending.Count > 0; round++)
        {
            var recorded = await Task.WhenAll(pending.Select(movement.DeliverAsync));
            pending = [.. pending.Where((_, i) => !recorded[i])];
            if (pending.Count == 0)
            {
                Log(context).ArrivalDelivered(context.InstanceId, report.Consignments.Count, round);
                return;
            }
            await context.CreateTimer(wait, CancellationToken.None);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, start.Times.RetryPublishAfter.Ticks));
        }
    }

    private static ILogger Log(TaskOrchestrationContext context) => context.CreateReplaySafeLogger<CargoMovementOrchestrator>();
}
