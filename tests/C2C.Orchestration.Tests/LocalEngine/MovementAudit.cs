using C2C.Core.Archive;
using C2C.Core.Ports;
using C2C.Orchestration.Messages;
using C2C.Orchestration.TestNode;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>What an auditor finds about a finished movement: its index record and history, and what left the node.</summary>
internal static class MovementAudit
{
    /// <summary>
    /// Written off, every received message in the history exactly once, the hash chain intact, and every message to a
    /// partner in the history published (at least once: a publish repeated after a crash is dropped by the receiver).
    /// </summary>
    /// <returns>How many publishes of this movement were repeats.</returns>
    public static async Task<int> AssertWrittenOffOnceAsync(IMovementIndex index, string publishLog, string mrn, IReadOnlyList<MovementMessage> received)
    {
        var (history, repeats) = await AssertRecordedOnceAsync(index, publishLog, EngineNode.Country, mrn, "WrittenOff", received);
        Assert.Equal(["IE050", "IE001"], history.Where(e => e.Direction == MessageDirection.Outbound).Take(2).Select(e => e.MessageType));
        Assert.Contains(history, e => e.MessageType == "IE045");
        return repeats;
    }

    /// <summary>
    /// Any movement or cargo record of a node of <paramref name="nodeCountry"/>: its status, every received message (or
    /// raised event) in the history exactly once, the hash chain intact, every message to a partner published.
    /// </summary>
    public static async Task<(IReadOnlyList<MovementEvent> History, int RepeatedPublishes)> AssertRecordedOnceAsync(IMovementIndex index, string publishLog, string nodeCountry,
        string reference, string status, IReadOnlyList<MovementMessage> received)
    {
        var record = await index.GetAsync(reference, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(status, record.Status.Name);
        var history = await index.HistoryAsync(reference, CancellationToken.None);
        Assert.Null(EventHashChain.FirstBroken(history, record.HeadHash));
        foreach (var message in received)
            Assert.Single(history, e => e.Direction == MessageDirection.Inbound && e.MessageId == message.MessageId);
        var toPartners = history.Where(e => e.Direction == MessageDirection.Outbound && !e.RecipientOffice.StartsWith(nodeCountry, StringComparison.Ordinal))
            .Select(e => e.MessageId).ToList();
        Assert.Equal(toPartners.Count, toPartners.Distinct().Count());
        // Publishing is the orchestration's step after recording: given a moment, not taken for granted.
        await Eventually.UntilAsync(() => Task.FromResult(toPartners.All(id => PublishLog.Read(publishLog).Any(p => p.MessageId == id))),
            $"every message of {reference} to a partner published", TimeSpan.FromSeconds(30));
        var published = PublishLog.Read(publishLog).Where(p => toPartners.Contains(p.MessageId)).ToList();
        Assert.Equal(toPartners.Order(), published.Select(p => p.MessageId).Distinct().Order());
        return (history, published.Count - toPartners.Count);
    }
}
