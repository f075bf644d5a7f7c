using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Messages;

namespace C2C.Node.Hosting.Worker;

/// <summary>
/// The door to the movements on Azure: a Durable client exists only as a function's <c>[DurableClient]</c> binding,
/// so the ingest (HTTP, Service Bus processor) puts each message on the task hub's hand-off queue and
/// <see cref="MovementDoorFunction"/> starts or raises it. The queue proves nothing: the ingest waits for the movement's
/// acknowledgement in the index (<see cref="MovementHandOff"/>), and a message not acknowledged in time comes again.
/// A message too large for a queue message (64 KiB once Base64-encoded) travels in a blob beside the queue, named in
/// the queue message; the function deletes that blob once it has handed the message over.
/// </summary>
public sealed class QueueMovementDoor(QueueClient queue, BlobContainerClient largeMessages) : IMovementDoor
{
    /// <summary>The app setting naming the task hub (host.json's hubName); the queue and container are named after it.</summary>
    public const string TaskHubSetting = "C2C_TASK_HUB";

    /// <summary>Largest note sent inline: 48 KiB of UTF-8 JSON is 64 KiB once Base64-encoded, the queue's limit; kept below.</summary>
    public const int MaxInlineBytes = 45 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>As the host resolves the trigger's <c>%C2C_TASK_HUB%-handoff</c>; the task hub's name is lower case (FunctionsComposition).</summary>
    public static string QueueName(string taskHub) => $"{taskHub}-handoff";

    public QueueClient Queue => queue;

    public async Task DeliverAsync(MovementMessage message, CancellationToken cancellationToken)
    {
        var inline = JsonSerializer.SerializeToUtf8Bytes(new HandOffNote(message, null), Json);
        if (inline.Length <= MaxInlineBytes)
        {
            await queue.SendMessageAsync(BinaryData.FromBytes(inline), cancellationToken: cancellationToken);
            return;
        }
        var blob = $"{message.MovementReference}/{message.MessageId}-{Guid.NewGuid():N}.json";
        await largeMessages.UploadBlobAsync(blob, BinaryData.FromObjectAsJson(message, Json), cancellationToken);
        await queue.SendMessageAsync(BinaryData.FromObjectAsJson(new HandOffNote(null, blob), Json), cancellationToken: cancellationToken);
    }

    /// <summary>The message a note carries; null when its blob is gone (handed over already by an earlier try of the same note).</summary>
    public async Task<MovementMessage?> OpenAsync(string note, CancellationToken cancellationToken)
    {
        var read = Read(note);
        if (read.Message is { } message)
            return message;
        try
        {
            var content = await largeMessages.GetBlobClient(read.Blob).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<MovementMessage>(Json);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>After the hand-over: a large message's blob is deleted (a later try of the same note finds nothing to do).</summary>
    public async Task ReleaseAsync(string note, CancellationToken cancellationToken)
    {
        if (Read(note).Blob is { } blob)
            await largeMessages.DeleteBlobIfExistsAsync(blob, cancellationToken: cancellationToken);
    }

    /// <summary>Creates the queue and container where Bicep did not (locally, tests); idempotent.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await largeMessages.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    private static HandOffNote Read(string note)
    {
        var read = JsonSerializer.Deserialize<HandOffNote>(note, Json);
        return read is { Message: not null } or { Blob.Length: > 0 } ? read : throw new InvalidDataException("a hand-off note carries a message or names its blob");
    }

    /// <summary>What the queue carries: the message itself, or the blob holding it.</summary>
    public sealed record HandOffNote(MovementMessage? Message, string? Blob);
}
