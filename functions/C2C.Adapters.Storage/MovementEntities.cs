using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using C2C.Core.Messages;
using C2C.Core.Exchange;
using C2C.Core.Ports;

namespace C2C.Adapters.Storage;

/// <summary>Row keys and entity mapping of a movement's partition (PK = MRN or consignment reference).</summary>
internal static class MovementEntities
{
    public const string StateKey = "state";

    /// <summary>Dedup row properties: the step's corridor figures, and whether they still have to be applied.</summary>
    public const string FiguresPending = "FiguresPending";

    public const string PendingFigures = "Figures";

    public static string EventKey(int sequence) => $"evt-{sequence.ToString("D6", CultureInfo.InvariantCulture)}";

    public static string DedupKey(string messageId) => $"msg-{messageId}";

    public static TableEntity State(MovementCommit c, int eventCount, string headHash, DateTimeOffset now) => new(c.MovementReference, StateKey)
    {
        ["Status"] = c.Status.Name,
        ["StateJson"] = c.StateJson,
        ["EventCount"] = eventCount,
        ["HeadHash"] = headHash,
        ["UpdatedAt"] = now,
        ["Attributes"] = JsonSerializer.Serialize(c.Attributes),
    };

    public static MovementRecord ToRecord(TableEntity e) => new(
        e.PartitionKey,
        MovementStatus.Parse(e.GetString("Status")),
        e.GetString("StateJson"),
        e.GetInt32("EventCount") ?? 0,
        e.GetString("HeadHash"),
        e.ETag.ToString(),
        e.GetDateTimeOffset("UpdatedAt") ?? default,
        JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Attributes") ?? "{}") ?? []);

    public static TableEntity Event(string partition, MovementEvent ev) => new(partition, EventKey(ev.Sequence))
    {
        ["Sequence"] = ev.Sequence,
        ["MessageId"] = ev.MessageId,
        ["MessageType"] = ev.MessageType,
        ["Direction"] = ev.Direction.ToString(),
        ["SenderOffice"] = ev.SenderOffice,
        ["RecipientOffice"] = ev.RecipientOffice,
        ["ArchiveName"] = ev.ArchiveName,
        ["ContentSha256"] = ev.ContentSha256,
        ["StatusAfter"] = ev.StatusAfter.Name,
        ["History"] = ev.History,
        ["AppliedAt"] = ev.AppliedAt,
        ["PreviousHash"] = ev.PreviousHash,
        ["Hash"] = ev.Hash,
    };

    public static MovementEvent ToEvent(TableEntity e) => new(
        e.GetInt32("Sequence") ?? 0,
        e.GetString("MessageId"),
        e.GetString("MessageType"),
        Enum.Parse<MessageDirection>(e.GetString("Direction")),
        e.GetString("SenderOffice"),
        e.GetString("RecipientOffice"),
        e.GetString("ArchiveName"),
        e.GetString("ContentSha256"),
        MovementStatus.Parse(e.GetString("StatusAfter")),
        e.GetString("History"),
        e.GetDateTimeOffset("AppliedAt") ?? default,
        e.GetString("PreviousHash"),
        e.GetString("Hash"));

    public static TableEntity Dedup(string partition, DedupRecord d) => new(partition, DedupKey(d.MessageId))
    {
        ["MessageId"] = d.MessageId,
        ["ContentSha256"] = d.ContentSha256,
        ["Sequence"] = d.Sequence,
        ["Receipt"] = d.Receipt,
    };

    public static DedupRecord ToDedup(string movementReference, TableEntity e) => new(
        e.GetString("MessageId"), movementReference, e.GetString("ContentSha256"), e.GetInt32("Sequence") ?? 0,
        e.GetBinary("Receipt") ?? []);

}
