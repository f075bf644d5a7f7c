using C2C.Core.Exchange;
using DurableTask.Core.Exceptions;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.HandOff;

/// <summary>
/// Hands one validated message to its movement's orchestration, and says whether the movement has it. Raising an
/// event is no proof (the Azure Storage provider drops an event to an instance whose start it has not processed, e.g.
/// after a crash right after scheduling): the proof is the row the orchestration's record step writes, under the
/// message id (applied, with its receipt) or <c>held-</c> / <c>refused-</c> + id. The ingest waits for it, bounded;
/// without it the message is not delivered and comes again (broker redelivery), and the orchestration ignores a
/// second copy of a message it took. Where the step is recorded in this process, <see cref="RecordedSteps"/> says when
/// to look (the index is still read after 2 s, backing off to every 8 s, for a step recorded elsewhere); otherwise the index is polled from every
/// 50 ms up to every second. Each look is one read of the movement's partition for the three rows.
/// </summary>
public sealed class MovementHandOff(NodeContext node, IMovementIndex index, CorridorPolicy policy, MovementTimes times, TimeSpan acknowledgeWithin,
    RecordedSteps? recorded = null)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan SlowestPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollBesideWakeUps = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SlowestPollBesideWakeUps = TimeSpan.FromSeconds(8);

    /// <summary>Hands over through the client (locally the node's own; on Azure a function's <c>[DurableClient]</c> binding).</summary>
    public Task<HandOffOutcome> HandOverAsync(DurableTaskClient client, MovementMessage message, CancellationToken cancellationToken) =>
        HandOverAsync(new DurableClientDoor(this, client), message, cancellationToken);

    /// <summary>Hands over through <paramref name="door"/>, then waits (bounded) for the movement's acknowledgement.</summary>
    public async Task<HandOffOutcome> HandOverAsync(IMovementDoor door, MovementMessage message, CancellationToken cancellationToken)
    {
        // Taken before (a redelivery after the acknowledgement was missed): answered from the index, nothing raised.
        if (await LookAsync(message, cancellationToken) is { } known)
            return known;
        await door.DeliverAsync(message, cancellationToken);
        if (await WaitForAcknowledgementAsync(message, acknowledgeWithin / 2, cancellationToken) is { Delivered: true } acknowledged)
            return acknowledged;
        // Nothing yet: the event may have gone to an instance that completed at that moment (its close), or to one whose
        // start the provider had not checkpointed; both drop it. Once more, through the door: a copy the movement took is ignored.
        await door.DeliverAsync(message, cancellationToken);
        return await WaitForAcknowledgementAsync(message, acknowledgeWithin / 2, cancellationToken);
    }

    /// <summary>Starts the movement's orchestration with the message, or raises it to the running one. No proof of delivery: see the class.</summary>
    public async Task DeliverAsync(DurableTaskClient client, MovementMessage message, CancellationToken cancellationToken)
    {
        var route = MovementRoutes.Of(message);
        var instance = await client.GetInstanceAsync(route.InstanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || instance.IsCompleted)
            await StartAsync(client, route, message, cancellationToken);
        else
            await client.RaiseEventAsync(route.InstanceId, MovementInstances.MessageEvent, message, cancellationToken);
    }

    /// <summary>
    /// A movement new here starts with the message as its input (an input is never dropped like an early event); one
    /// whose orchestration ended (closed, then a late message) starts again from its indexed state.
    /// </summary>
    private async Task StartAsync(DurableTaskClient client, MovementRoute route, MovementMessage message, CancellationToken cancellationToken)
    {
        var start = MovementRoutes.Start(message, node.Country, policy, times, await index.GetAsync(message.MovementReference, cancellationToken));
        try
        {
            // A pending or running instance is never replaced: only an ended one starts again.
            await client.ScheduleNewOrchestrationInstanceAsync(route.Orchestrator, start,
                new StartOrchestrationOptions(route.InstanceId) { Version = MovementVersions.Current }.WithDedupeStatuses(OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended),
                cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Another ingest started it meanwhile: the message goes as an event (if dropped, no acknowledgement: it comes again).
            await client.RaiseEventAsync(route.InstanceId, MovementInstances.MessageEvent, message, cancellationToken);
        }
    }

    private async Task<HandOffOutcome> WaitForAcknowledgementAsync(MovementMessage message, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + within;
        var mrn = message.MovementReference;
        var poll = recorded is null ? FirstPoll : PollBesideWakeUps;
        var next = recorded?.NextAsync(mrn);
        while (DateTime.UtcNow < deadline)
        {
            var wait = Task.Delay(Min(poll, deadline - DateTime.UtcNow), cancellationToken);
            await (next is null ? wait : Task.WhenAny(next, wait));
            cancellationToken.ThrowIfCancellationRequested();
            next = recorded?.NextAsync(mrn); // before the read: a step recorded during the read wakes the next round
            if (await LookAsync(message, cancellationToken) is { } outcome)
                return outcome;
            poll = Min(poll * 2, recorded is null ? SlowestPoll : SlowestPollBesideWakeUps);
        }
        // The full look once more (the node-wide lookup too) before saying not yet.
        if (await AcknowledgementAsync(message, cancellationToken) is { } late)
            return late;
        return HandOffOutcome.NotYet;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>What the movement recorded for the message: applied, held, refused, a conflicting copy; null if nothing yet.</summary>
    private async Task<HandOffOutcome?> AcknowledgementAsync(MovementMessage message, CancellationToken cancellationToken)
    {
        var mrn = message.MovementReference;
        var found = new List<DedupRecord>();
        foreach (var id in AcknowledgementIds(message))
        {
            if (await index.FindMessageAsync(mrn, id, cancellationToken) is { } row)
                found.Add(row with { MessageId = id });
        }
        return Outcome(message, found);
    }

    /// <summary>The movement's own partition only, in one read: where its orchestration records what it did with the message.</summary>
    private async Task<HandOffOutcome?> LookAsync(MovementMessage message, CancellationToken cancellationToken) =>
        Outcome(message, await index.FindInMovementAsync(message.MovementReference, AcknowledgementIds(message), cancellationToken));

    private static HandOffOutcome? Outcome(MovementMessage message, IReadOnlyList<DedupRecord> found)
    {
        if (found.FirstOrDefault(r => r.MessageId == message.MessageId) is { } applied)
            return applied.ContentSha256 == message.Sha256 ? new HandOffOutcome(HandOffStatus.Applied, applied.Receipt) : new HandOffOutcome(HandOffStatus.Conflict, []);
        if (found.Any(r => r.MessageId == HeldId(message)))
            return new HandOffOutcome(HandOffStatus.Held, []);
        if (found.FirstOrDefault(r => r.MessageId == RefusedId(message)) is { } refused)
            return new HandOffOutcome(HandOffStatus.Refused, refused.Receipt);
        return null;
    }

    /// <summary>The rows a movement writes for a message it took: applied (the message id), held, refused.</summary>
    private static string[] AcknowledgementIds(MovementMessage message) => [message.MessageId, HeldId(message), RefusedId(message)];

    private static string HeldId(MovementMessage message) => $"held-{message.MessageId}";

    private static string RefusedId(MovementMessage message) => $"refused-{message.MessageId}";
}
