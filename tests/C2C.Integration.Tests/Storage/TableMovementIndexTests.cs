using C2C.Core.Transit;
using C2C.Core.Exchange;
using C2C.Adapters.Storage;
using C2C.Core.Archive;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Integration.Tests.Storage;

[Collection(StackCollection.Name)]
public sealed class TableMovementIndexTests(LocalStack stack)
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = CancellationToken.None;

    private async Task<TableMovementIndex> NewIndexAsync() => new(await StorageFixture.NewNodeAsync(stack));

    private static MovementEvent Event(int seq, string messageId, string previousHash, string status = "Released") =>
        EventHashChain.Seal(previousHash, new MovementEvent(seq, messageId, "IE015", MessageDirection.Inbound, "TGLOM001", "BFOUA001",
            $"2026/11/24/M/{seq:D4}-IE015-{messageId}.xml", new string('a', 64), MovementStatus.Parse(status), $"event {seq}", At.AddMinutes(seq)));

    private static MovementCommit Commit(string mrn, string? version, string messageId, IReadOnlyList<MovementEvent> events,
        string status = "Released", string? previous = null) =>
        new(mrn, version, MovementStatus.Parse(status), "{\"v\":1}", new Dictionary<string, string> { ["OfficeOfDeparture"] = "TGLOM001" }, events,
            new DedupRecord(messageId, mrn, new string('a', 64), events[0].Sequence, "<receipt/>"u8.ToArray()), previous is null ? null : MovementStatus.Parse(previous));

    private static string NewMrn() => "M" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    [Fact]
    public async Task First_commit_creates_state_history_and_dedup_together()
    {
        var index = await NewIndexAsync();
        var mrn = NewMrn();
        var first = Event(1, "A1", EventHashChain.Genesis);
        var outbound = Event(2, "A2", first.Hash);
        await index.LoadAsync(mrn, "A1", _ct); // claims the id node-wide, as every commit's caller does
        Assert.Equal(CommitOutcome.Committed, await index.CommitAsync(Commit(mrn, null, "A1", [first, outbound]), _ct));

        var state = await index.GetAsync(mrn, _ct);
        Assert.NotNull(state);
        Assert.Equal(2, state.EventCount);
        Assert.Equal(outbound.Hash, state.HeadHash);
        Assert.Equal("TGLOM001", state.Attributes["OfficeOfDeparture"]);
        var history = await index.HistoryAsync(mrn, _ct);
        Assert.Equal(["A1", "A2"], history.Select(e => e.MessageId));
        Assert.Null(EventHashChain.FirstBroken(history, state.HeadHash));
        var dedup = await index.FindMessageAsync(null, "A1", _ct);
        Assert.Equal(mrn, dedup!.MovementReference);
        Assert.Equal("<receipt/>"u8.ToArray(), dedup.Receipt);
    }

    [Fact]
    public async Task Load_answers_state_and_dedup_as_the_separate_reads_do()
    {
        var index = await NewIndexAsync();
        var (mrn, other) = (NewMrn(), NewMrn());
        var (none, notSeen) = await index.LoadAsync(mrn, "L1", _ct);
        Assert.Null(none);
        Assert.Null(notSeen);
        await index.CommitAsync(Commit(mrn, null, "L1", [Event(1, "L1", EventHashChain.Genesis)]), _ct);
        await index.LoadAsync(other, "L9", _ct);
        await index.CommitAsync(Commit(other, null, "L9", [Event(1, "L9", EventHashChain.Genesis)]), _ct);

        var (current, seen) = await index.LoadAsync(mrn, "L1", _ct);
        Assert.Equal((await index.GetAsync(mrn, _ct))!.Version, current!.Version); // the version a commit will be conditioned on
        Assert.Equal(mrn, seen!.MovementReference);
        var (sameState, unseen) = await index.LoadAsync(mrn, "L2", _ct);
        Assert.Equal(1, sameState!.EventCount);
        Assert.Null(unseen);
        // A message id already applied to another movement is found through the node-wide claim.
        Assert.Equal(other, (await index.LoadAsync(mrn, "L9", _ct)).Seen!.MovementReference);
        Assert.Equal(other, (await index.FindMessageAsync(null, "L9", _ct))!.MovementReference);
    }

    [Fact]
    public async Task The_movement_s_own_records_of_several_ids_come_in_one_look_and_no_other_movement_s()
    {
        var index = await NewIndexAsync();
        var (mrn, other) = (NewMrn(), NewMrn());
        var e1 = Event(1, "held-F1", EventHashChain.Genesis);
        await index.CommitAsync(Commit(mrn, null, "held-F1", [e1]), _ct);
        var version = (await index.GetAsync(mrn, _ct))!.Version;
        await index.CommitAsync(Commit(mrn, version, "F1", [Event(2, "F1", e1.Hash)]), _ct);
        await index.CommitAsync(Commit(other, null, "refused-F1", [Event(1, "refused-F1", EventHashChain.Genesis)]), _ct);

        var found = await index.FindInMovementAsync(mrn, ["F1", "held-F1", "refused-F1"], _ct);

        Assert.Equal(["F1", "held-F1"], found.Select(d => d.MessageId).Order());
        Assert.All(found, d => Assert.Equal(mrn, d.MovementReference));
        Assert.Equal(2, found.Single(d => d.MessageId == "F1").Sequence);
        Assert.Empty(await index.FindInMovementAsync(mrn, ["F2", "refused-F2"], _ct));
    }

    [Fact]
    public async Task A_claim_whose_commit_never_happened_passes_to_the_next_movement()
    {
        var index = await NewIndexAsync();
        var (abandoned, next) = (NewMrn(), NewMrn());
        await index.LoadAsync(abandoned, "K1", _ct); // claimed, then the node died or the message was refused
        Assert.Null((await index.LoadAsync(abandoned, "K1", _ct)).Seen); // its own retry is not a replay

        Assert.Null((await index.LoadAsync(next, "K1", _ct)).Seen);
        await index.CommitAsync(Commit(next, null, "K1", [Event(1, "K1", EventHashChain.Genesis)]), _ct);
        Assert.Equal(next, (await index.FindMessageAsync(null, "K1", _ct))!.MovementReference);
        Assert.Equal(next, (await index.LoadAsync(abandoned, "K1", _ct)).Seen!.MovementReference);
    }

    [Fact]
    public async Task Stale_version_loses_and_nothing_of_it_is_written()
    {
        var index = await NewIndexAsync();
        var mrn = NewMrn();
        var e1 = Event(1, "B1", EventHashChain.Genesis);
        await index.CommitAsync(Commit(mrn, null, "B1", [e1]), _ct);
        var read = (await index.GetAsync(mrn, _ct))!;

        var e2 = Event(2, "B2", e1.Hash, "BorderCrossed");
        var e2b = Event(2, "B3", e1.Hash, "Arrived");
        Assert.Equal(CommitOutcome.Committed, await index.CommitAsync(Commit(mrn, read.Version, "B2", [e2], status: "BorderCrossed", previous: "Released"), _ct));
        Assert.Equal(CommitOutcome.ConcurrentUpdate, await index.CommitAsync(Commit(mrn, read.Version, "B3", [e2b], status: "Arrived", previous: "Released"), _ct));

        Assert.Equal("BorderCrossed", (await index.GetAsync(mrn, _ct))!.Status.Name);
        Assert.Null(await index.FindMessageAsync(mrn, "B3", _ct));
        Assert.Equal(["B1", "B2"], (await index.HistoryAsync(mrn, _ct)).Select(e => e.MessageId));
    }

    [Fact]
    public async Task Second_creation_of_the_same_movement_is_a_concurrent_update()
    {
        var index = await NewIndexAsync();
        var mrn = NewMrn();
        await index.CommitAsync(Commit(mrn, null, "C1", [Event(1, "C1", EventHashChain.Genesis)]), _ct);
        Assert.Equal(CommitOutcome.ConcurrentUpdate, await index.CommitAsync(Commit(mrn, null, "C2", [Event(1, "C2", EventHashChain.Genesis)]), _ct));
    }

    [Fact]
    public async Task Replayed_message_id_is_a_duplicate_and_rolls_back()
    {
        var index = await NewIndexAsync();
        var mrn = NewMrn();
        var e1 = Event(1, "D1", EventHashChain.Genesis);
        await index.CommitAsync(Commit(mrn, null, "D1", [e1]), _ct);
        var version = (await index.GetAsync(mrn, _ct))!.Version;
        // Same message id as the first event, new event row: the dedup Add fails, the whole transaction with it.
        Assert.Equal(CommitOutcome.Duplicate, await index.CommitAsync(Commit(mrn, version, "D1", [Event(2, "D1x", e1.Hash, "Arrived")], status: "Arrived"), _ct));
        Assert.Equal("Released", (await index.GetAsync(mrn, _ct))!.Status.Name);
        Assert.Single(await index.HistoryAsync(mrn, _ct));
    }

    [Fact]
    public async Task Tampering_with_a_stored_event_breaks_the_chain()
    {
        var clients = await StorageFixture.NewNodeAsync(stack);
        var index = new TableMovementIndex(clients);
        var mrn = NewMrn();
        var e1 = Event(1, "E1", EventHashChain.Genesis);
        var e2 = Event(2, "E2", e1.Hash);
        await index.CommitAsync(Commit(mrn, null, "E1", [e1, e2]), _ct);
        var table = clients.Table(clients.Names.Movements);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(mrn, "evt-000001")).Value;
        row["StatusAfter"] = "WrittenOff";
        await table.UpdateEntityAsync(row, row.ETag);
        Assert.Equal(1, EventHashChain.FirstBroken(await index.HistoryAsync(mrn, _ct)));
    }

    [Fact]
    public async Task Status_lookup_follows_the_movement()
    {
        var index = await NewIndexAsync();
        var mrn = NewMrn();
        var e1 = Event(1, "H1", EventHashChain.Genesis);
        await index.CommitAsync(Commit(mrn, null, "H1", [e1]), _ct);
        Assert.Contains(await index.ByStatusAsync(TransitStatus.Released, 10, _ct), r => r.MovementReference == mrn);
        var version = (await index.GetAsync(mrn, _ct))!.Version;
        await index.CommitAsync(Commit(mrn, version, "H2", [Event(2, "H2", e1.Hash, "Overdue")], status: "Overdue", previous: "Released"), _ct);
        Assert.DoesNotContain(await index.ByStatusAsync(TransitStatus.Released, 10, _ct), r => r.MovementReference == mrn);
        Assert.Contains(await index.ByStatusAsync(TransitStatus.Overdue, 10, _ct), r => r.MovementReference == mrn);
    }

    [Fact]
    public async Task Commits_over_the_transaction_limit_are_refused_clearly()
    {
        var index = await NewIndexAsync();
        var mrn = NewMrn();
        var events = new List<MovementEvent>();
        var previous = EventHashChain.Genesis;
        for (var i = 1; i <= 100; i++)
        {
            var e = Event(i, $"I{i}", previous);
            events.Add(e);
            previous = e.Hash;
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.CommitAsync(Commit(mrn, null, "I1", events), _ct));
        Assert.Contains("limit", error.Message);
        Assert.Null(await index.GetAsync(mrn, _ct));
    }
}
