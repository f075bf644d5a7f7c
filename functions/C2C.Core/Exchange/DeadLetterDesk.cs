using System.Security.Cryptography;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Telemetry;

namespace C2C.Core.Exchange;

/// <summary>
/// Operations' tool for dead-lettered deliveries: list them with their reason and the archived copy, inspect one,
/// replay a selection through the normal inbound path (the same <see cref="InboundDeliveryHandler"/>, the same message
/// id, so the exchange's dedup still applies each message once), or purge them. Every replay and purge is recorded in
/// the operations journal (who, when, what, result), logged and counted.
/// </summary>
public sealed class DeadLetterDesk(NodeContext node, IDeadLetterQueue queue, InboundDeliveryHandler handler, IAlertLog alerts, IOperationsJournal journal, IExchangeLog log)
{
    /// <summary>At most this many deliveries are looked at in one pass.</summary>
    public const int MaxPerPass = 500;

    public async Task<IReadOnlyList<DeadLetterView>> ListAsync(MessageFamily family, int max, CancellationToken cancellationToken)
    {
        var found = new List<DeadLetter>();
        await queue.SweepAsync(node.Country, family, Math.Clamp(max, 1, MaxPerPass), (letter, _) =>
        {
            found.Add(letter);
            return Task.FromResult(false);
        }, cancellationToken);
        var archived = await ArchivedCopiesAsync(cancellationToken);
        return [.. found.Select(letter => View(family, letter, archived))];
    }

    /// <summary>One dead-lettered delivery with its bytes as delivered (null when none has that message id).</summary>
    public async Task<(DeadLetterView View, ReadOnlyMemory<byte> Body)?> InspectAsync(MessageFamily family, string messageId, CancellationToken cancellationToken)
    {
        DeadLetter? found = null;
        await queue.SweepAsync(node.Country, family, MaxPerPass, (letter, _) =>
        {
            found ??= letter.Message.MessageId == messageId ? letter : null;
            return Task.FromResult(false);
        }, cancellationToken);
        return found is null ? null : (View(family, found, await ArchivedCopiesAsync(cancellationToken)), found.Message.Body);
    }

    /// <summary>Replays the selected deliveries (by message id); one the exchange takes leaves the queue, one refused again stays with its new reason in the result.</summary>
    public Task<IReadOnlyList<DeadLetterResult>> ReplayAsync(MessageFamily family, IReadOnlyCollection<string> messageIds, string by, CancellationToken cancellationToken) =>
        SettleAsync("replay", family, messageIds, by, async (letter, ct) =>
        {
            if (!letter.Readable)
                return (false, "kept: its envelope is unreadable, replaying cannot help (purge it)");
            var outcome = await handler.HandleAsync(new BusDelivery(letter.Message, 1), ct, channel: "replay");
            return outcome switch
            {
                DeliveryOutcome.CompleteOutcome => (true, "applied"),
                DeliveryOutcome.DeadLetterOutcome dead => (false, $"kept: refused again, {dead.Reason}: {dead.Description}"),
                _ => (false, "kept: storage or the movement did not answer in time, replay it again"),
            };
        }, cancellationToken);

    public Task<IReadOnlyList<DeadLetterResult>> PurgeAsync(MessageFamily family, IReadOnlyCollection<string> messageIds, string by, CancellationToken cancellationToken) =>
        SettleAsync("purge", family, messageIds, by, (_, _) => Task.FromResult((true, "purged")), cancellationToken);

    private async Task<IReadOnlyList<DeadLetterResult>> SettleAsync(string action, MessageFamily family, IReadOnlyCollection<string> messageIds, string by,
        Func<DeadLetter, CancellationToken, Task<(bool Remove, string Result)>> act, CancellationToken cancellationToken)
    {
        var selected = messageIds.ToHashSet(StringComparer.Ordinal);
        var results = new List<DeadLetterResult>();
        await queue.SweepAsync(node.Country, family, MaxPerPass, async (letter, ct) =>
        {
            if (!selected.Contains(letter.Message.MessageId))
                return false;
            (bool Remove, string Result) done;
            try
            {
                done = await act(letter, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                done = (false, $"kept: {e.GetType().Name}: {e.Message}");
            }
            var sha256 = Sha256(letter.Message.Body);
            results.Add(new DeadLetterResult(letter.Message.MessageId, sha256, done.Remove, done.Result));
            log.DeadLetterHandled(action, letter.Message.MessageId, family.ToString(), done.Result, by);
            ExchangeTelemetry.DeadLetterOperations.Add(1, new("action", action), new("result", done.Remove ? "removed" : "kept"));
            await journal.RecordAsync(new OpsAction(DateTimeOffset.UtcNow, by, action, family.ToString(), letter.Message.MessageId, sha256, done.Result), CancellationToken.None);
            return done.Remove;
        }, cancellationToken);
        return results;
    }

    /// <summary>Each refused content's archived copy, from the alerts raised when it was dead-lettered (the alert is raised only once it is archived).</summary>
    private async Task<IReadOnlyDictionary<string, string>> ArchivedCopiesAsync(CancellationToken cancellationToken)
    {
        var copies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alert in await alerts.RecentAsync(MaxPerPass * 2, cancellationToken))
            copies.TryAdd(alert.ContentSha256, alert.ArchiveName);
        return copies;
    }

    private static DeadLetterView View(MessageFamily family, DeadLetter letter, IReadOnlyDictionary<string, string> archived)
    {
        var sha256 = Sha256(letter.Message.Body);
        return new DeadLetterView(family.ToString(), letter.Message.MessageId, letter.Message.MessageType, letter.Message.SourceCountry, letter.Message.MovementReference,
            letter.Reason, letter.Description, letter.EnqueuedAt, sha256, archived.GetValueOrDefault(sha256), letter.Readable, letter.Message.Body.Length);
    }

    private static string Sha256(ReadOnlyMemory<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body.Span));
}
