using C2C.Orchestration;
using Microsoft.DurableTask;

namespace C2C.Bench.DurableFloor;

/// <summary>A message as the floor's movements carry it: its type, its raw XML (the real size travels), and the partner messages recording it sends.</summary>
public sealed record FloorMessage(string Type, string Raw, IReadOnlyList<string> SendsToPartner);

/// <param name="Deadline">
/// A customs deadline pending while the movement waits (the departure's time limit): each wait is then "next message
/// or timer", the timer cancelled when a message comes, as <c>TransitMovementOrchestrator</c> does.
/// </param>
/// <param name="OneActivityPerStep">
/// The record activity publishes too (one activity per message), as the orchestrators do from
/// <c>MovementVersions.PublishedWithTheRecord</c>; false for the older shape (one record plus one publish activity per
/// partner message), measured as a variant (<c>Floor:PublishActivities=true</c>).
/// </param>
public sealed record FloorStart(string Mrn, string Node, string Partner, FloorMessage First, TimeSpan? Deadline, bool OneActivityPerStep);

/// <param name="Partner">Where the record activity publishes, when the step is one activity; null when publishes are activities of their own.</param>
public sealed record FloorStep(string Mrn, string Node, FloorMessage Message, string? Partner);

public sealed record FloorPublication(string Mrn, string From, string To, string MessageType);

/// <summary>
/// The shape of <c>TransitMovementOrchestrator</c> with nothing decided and nothing done: the first message in the
/// start, then one standing wait for the next message (with the deadline's timer beside it at departure); each
/// message one activity that records and publishes (or, in the older shape, one record activity, then one publish
/// activity per partner message, in order). What it costs is the
/// engine's own cost: the Durable floor of the bench.
/// </summary>
public sealed class FloorMovement : TaskOrchestrator<FloorStart, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, FloorStart start)
    {
        // The deadline counts from the start (replay sees the same time): like the time limit, it does not move.
        var due = context.CurrentUtcDateTime + start.Deadline;
        await StepAsync(context, start, start.First);
        var next = context.WaitForExternalEvent<FloorMessage>(MovementInstances.MessageEvent);
        while (true)
        {
            if (due is { } at)
            {
                using var cancel = new CancellationTokenSource();
                var timer = context.CreateTimer(at, cancel.Token);
                if (await Task.WhenAny(next, timer) != next)
                    return "deadline";
                cancel.Cancel();
            }
            await StepAsync(context, start, await next);
            next = context.WaitForExternalEvent<FloorMessage>(MovementInstances.MessageEvent);
        }
    }

    private static async Task StepAsync(TaskOrchestrationContext context, FloorStart start, FloorMessage message)
    {
        await context.CallActivityAsync<string>(nameof(FloorRecord), new FloorStep(start.Mrn, start.Node, message, start.OneActivityPerStep ? start.Partner : null));
        if (start.OneActivityPerStep)
            return;
        foreach (var type in message.SendsToPartner)
            await context.CallActivityAsync<string>(nameof(FloorPublish), new FloorPublication(start.Mrn, start.Node, start.Partner, type));
    }
}

/// <summary>Records nothing: tells the floor's ingest that the node has the message (its acknowledgement); publishes nothing either, when the step is one activity.</summary>
public sealed class FloorRecord(FloorSignals signals) : TaskActivity<FloorStep, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, FloorStep input)
    {
        signals.Recorded(input.Node, input.Mrn, input.Message.Type);
        if (input.Partner is { } partner)
        {
            foreach (var type in input.Message.SendsToPartner)
                signals.Published(new FloorPublication(input.Mrn, input.Node, partner, type));
        }
        return Task.FromResult(input.Message.Type);
    }
}

/// <summary>Publishes nothing: hands the partner message to the partner's ingest in this process, as a broker would deliver it.</summary>
public sealed class FloorPublish(FloorSignals signals) : TaskActivity<FloorPublication, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, FloorPublication input)
    {
        signals.Published(input);
        return Task.FromResult(input.MessageType);
    }
}
