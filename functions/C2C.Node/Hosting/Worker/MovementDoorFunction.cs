using C2C.Orchestration.HandOff;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace C2C.Node.Hosting.Worker;

/// <summary>
/// The other side of <see cref="QueueMovementDoor"/>: a queue-triggered function, so it has a Durable client, starts the
/// message's movement or raises the message to it. It writes nothing itself: the movement's record step is the
/// acknowledgement the ingest waits for. A failure leaves the note on the queue (retried, then poison after the
/// host's maxDequeueCount); the ingest sends the message again when no acknowledgement comes.
/// </summary>
public sealed class MovementDoorFunction(QueueMovementDoor door, MovementHandOff handOff, ILogger<MovementDoorFunction> log)
{
    /// <summary>The task hub's hand-off queue, on the host's storage (AzureWebJobsStorage), as <see cref="QueueMovementDoor.QueueName"/> names it.</summary>
    public const string Queue = "%" + QueueMovementDoor.TaskHubSetting + "%-handoff";

    [Function("MovementDoor")]
    public async Task RunAsync([QueueTrigger(Queue)] string note, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (await door.OpenAsync(note, cancellationToken) is not { } message)
        {
            log.HandOffNoteWithoutMessage();
            return;
        }
        await handOff.DeliverAsync(client, message, cancellationToken);
        await door.ReleaseAsync(note, cancellationToken);
    }
}
