using Azure;
using Azure.Data.Tables;
using C2C.Core.Ports;
using static C2C.Adapters.Storage.MovementEntities;

namespace C2C.Adapters.Storage;

/// <summary>
/// The movement index on Table Storage. Per movement one partition; one entity-group transaction per event so
/// state, history, dedup, outbox and deadlines change together. Deadline and outbox pointers in their own tables
/// are written ahead of the transaction (a crash never loses them) and checked against the partition when read.
/// </summary>
public sealed class TableMovementIndex(StorageClients clients) : IMovementIndex
{
    /// <summary>Entity-group transaction limit of Azure Table Storage.</summary>
    public const int MaxActionsPerCommit = 100;

    /// <summary>A pointer younger than this whose target is missing may belong to a commit still in flight.</summary>
    public static readonly TimeSpan PointerGrace = TimeSpan.FromMinutes(2);

    private const string PendingPartition = "pending";

    private readonly TableClient _movements = clients.Table(clients.Names.Movements);
    private readonly TableClient _messages = clients.Table(clients.Names.Messages);
    private readonly TableClient _deadlines = clients.Table(clients.Names.Deadlines);
    private readonly TableClient _outbox = clients.Table(clients.Names.Outbox);
    private readonly TableClient _lookups = clients.Table(clients.Names.Lookups);

    public async Task<MovementRecord?> GetAsync(string movementReference, CancellationToken cancellationToken)
    {
        var state = await _movements.GetEntityIfExistsAsync<TableEntity>(movementReference, StateKey, cancellationToken: cancellationToken);
        return state.HasValue ? ToRecord(state.Value!) : null;
    }

    public async Task<IReadOnlyList<MovementEvent>> HistoryAsync(string movementReference, CancellationToken cancellationToken)
    {
        var events = new List<MovementEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {movementReference} and RowKey ge 'evt-' and RowKey lt 'evt.'");
        await foreach (var e in _movements.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            events.Add(ToEvent(e));
        return events;
    }

    public async Task<DedupRecord?> FindMessageAsync(string? movementReference, string messageId, CancellationToken cancellationToken)
    {
        // Both reads at once: the common answer (never seen) needs both.
        var pointerRead = _messages.GetEntityIfExistsAsync<TableEntity>(messageId, "m", cancellationToken: cancellationToken);
        if (movementReference is not null)
        {
            var row = await _movements.GetEntityIfExistsAsync<TableEntity>(movementReference, DedupKey(messageId), cancellationToken: cancellationToken);
            if (row.HasValue)
                return ToDedup(movementReference, row.Value!);
        }
        var pointer = await pointerRead;
        return pointer.HasValue ? await OwnersDedupAsync(pointer.Value!.GetString("MovementReference"), messageId, cancellationToken) : null;
    }

    public async Task<(MovementRecord? Current, DedupRecord? Seen)> LoadAsync(string movementReference, string messageId, CancellationToken cancellationToken)
    {
        // State row and dedup row share the movement's partition: one query (it reads within that one small partition).
        // Alongside, the id is claimed node-wide with an insert: for a new message that one request is the whole check.
        var claim = ClaimAsync(movementReference, messageId, cancellationToken);
        MovementRecord? current = null;
        DedupRecord? seen = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {movementReference} and (RowKey eq {StateKey} or RowKey eq {DedupKey(messageId)})");
        await foreach (var e in _movements.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (e.RowKey == StateKey)
                current = ToRecord(e);
            else
                seen = ToDedup(movementReference, e);
        }
        var claimed = await claim;
        return (current, seen is not null || claimed ? seen : await EarlierClaimAsync(movementReference, messageId, cancellationToken));
    }

    private async Task<bool> ClaimAsync(string movementReference, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await _messages.AddEntityAsync(new TableEntity(messageId, "m") { ["MovementReference"] = movementReference }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// The id was claimed before, and not by a message applied to this movement (its dedup row would have answered):
    /// an earlier attempt of this movement whose commit failed (nothing seen), or another movement. There the owner's
    /// dedup row is the truth; a claim whose commit never happened passes to this movement.
    /// </summary>
    private async Task<DedupRecord?> EarlierClaimAsync(string movementReference, string messageId, CancellationToken cancellationToken)
    {
        var pointer = await _messages.GetEntityIfExistsAsync<TableEntity>(messageId, "m", cancellationToken: cancellationToken);
        if (!pointer.HasValue || pointer.Value!.GetString("MovementReference") is not { } owner || owner == movementReference)
            return null;
        if (await OwnersDedupAsync(owner, messageId, cancellationToken) is { } seen)
            return seen;
        try
        {
            await _messages.UpdateEntityAsync(new TableEntity(messageId, "m") { ["MovementReference"] = movementReference }, pointer.Value.ETag,
                TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // claimed again meanwhile: the movement transactions' dedup rows still decide
        }
        return null;
    }

    private async Task<DedupRecord?> OwnersDedupAsync(string? owner, string messageId, CancellationToken cancellationToken)
    {
        if (owner is null)
            return null;
        var dedup = await _movements.GetEntityIfExistsAsync<TableEntity>(owner, DedupKey(messageId), cancellationToken: cancellationToken);
        return dedup.HasValue ? ToDedup(owner, dedup.Value!) : null;
    }

    public async Task<CommitOutcome> CommitAsync(MovementCommit commit, CancellationToken cancellationToken)
    {
        var pk = commit.MovementReference;
        var actions = new List<TableTransactionAction>();
        var last = commit.Events[^1];
        var now = DateTimeOffset.UtcNow;
        var state = State(commit, last.Sequence, last.Hash, now);
        actions.Add(commit.ExpectedVersion is null
            ? new TableTransactionAction(TableTransactionActionType.Add, state)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, new ETag(commit.ExpectedVersion)));
        actions.AddRange(commit.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, Event(pk, e))));
        var dedupIndex = actions.Count;
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, Dedup(pk, commit.Dedup)));
        actions.AddRange(commit.Outbox.Select(o => new TableTransactionAction(TableTransactionActionType.Add, Outbox(pk, OutboxKey(o.MessageId), o))));
        actions.AddRange(commit.Deadlines.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(pk, DeadlineKey(d.Kind)) { ["DueAt"] = d.DueAt, ["Active"] = true })));
        // Cleared deadlines become tombstones: a delete of a missing row would fail the whole transaction.
        actions.AddRange(commit.ClearedDeadlines.Select(kind => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(pk, DeadlineKey(kind)) { ["Active"] = false })));
        if (actions.Count > MaxActionsPerCommit)
            throw new InvalidOperationException($"commit of {pk} needs {actions.Count} table actions; the limit is {MaxActionsPerCommit}");

        // Write-ahead pointers (idempotent): if the transaction then fails they are stale and the readers drop them.
        // Independent of each other: written side by side, the outbox pointers in one batch (one partition).
        var pointers = commit.Deadlines.Select(d => (Task)_deadlines.UpsertEntityAsync(
            new TableEntity(TimeBuckets.Of(d.DueAt), DeadlinePointerKey(d)) { ["DueAt"] = d.DueAt, ["WrittenAt"] = now }, TableUpdateMode.Replace, cancellationToken)).ToList();
        if (commit.Outbox.Count > 0)
            pointers.Add(_outbox.SubmitTransactionAsync(commit.Outbox.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                Outbox(PendingPartition, OutboxPointerKey(o), o))), cancellationToken));
        // The status lookup too (its readers check the state row); an unchanged status has its entry already.
        var statusChanged = commit.PreviousStatus != commit.Status;
        if (statusChanged)
            pointers.Add(_lookups.UpsertEntityAsync(new TableEntity("status|" + commit.Status, pk), TableUpdateMode.Replace, cancellationToken));
        await Task.WhenAll(pointers);

        try
        {
            await _movements.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            if (e.FailedTransactionActionIndex == dedupIndex || await FindMessageAsync(pk, commit.Dedup.MessageId, cancellationToken) is not null)
                return CommitOutcome.Duplicate;
            return CommitOutcome.ConcurrentUpdate;
        }

        // The node-wide message id entry was claimed by LoadAsync; only the status lookup's old entry is left to remove.
        if (statusChanged && commit.PreviousStatus is { } previous)
            await _lookups.DeleteEntityAsync("status|" + previous, pk, ETag.All, cancellationToken);
        return CommitOutcome.Committed;
    }

    public async Task<IReadOnlyList<OutboxItem>> PendingOutboxAsync(int max, CancellationToken cancellationToken, OutboxItem? after = null)
    {
        var items = new List<OutboxItem>();
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition} and RowKey gt {OutboxPointerKey(after)}");
        await foreach (var pointer in _outbox.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            if (items.Count >= max)
                break;
            var item = ToOutbox(pointer);
            var row = await _movements.GetEntityIfExistsAsync<TableEntity>(item.MovementReference, OutboxKey(item.MessageId), cancellationToken: cancellationToken);
            if (row.HasValue)
                items.Add(item);
            else if (IsOld(pointer))
                await _outbox.DeleteEntityAsync(pointer.PartitionKey, pointer.RowKey, ETag.All, cancellationToken);
        }
        return items;
    }

    /// <summary>
    /// Removes the pending pointers only: the outbox rows in the movement's partition stay as the record of what the
    /// commit sent (the relay reads pointers, never rows without one), which saves a request per publishing commit.
    /// </summary>
    public async Task MarkPublishedAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken) =>
        await DeleteAllAsync(_outbox, items.Select(i => (PendingPartition, OutboxPointerKey(i))).ToList(), cancellationToken);

    /// <summary>One batch for one partition; if a row is already gone (a relay run got there first) each is deleted alone.</summary>
    private static async Task DeleteAllAsync(TableClient table, IReadOnlyList<(string Partition, string Row)> keys, CancellationToken cancellationToken)
    {
        if (keys.Count > 1 && keys.Count <= MaxActionsPerCommit)
        {
            try
            {
                await table.SubmitTransactionAsync(keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.Row), ETag.All)),
                    cancellationToken);
                return;
            }
            catch (TableTransactionFailedException)
            {
                // fall through: one by one, a missing row is fine
            }
        }
        foreach (var (partition, row) in keys)
            await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
    }

    public async Task<IReadOnlyList<Deadline>> DueDeadlinesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = new List<Deadline>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {TimeBuckets.Of(now)}");
        await foreach (var e in _deadlines.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            var dueAt = e.GetDateTimeOffset("DueAt") ?? default;
            if (dueAt > now)
                continue;
            var (reference, kind) = FromDeadlinePointerKey(e.RowKey);
            due.Add(new Deadline(reference, kind, dueAt));
            if (due.Count >= max)
                break;
        }
        return due;
    }

    public async Task<DeadlineCheck> CheckDeadlineAsync(Deadline deadline, CancellationToken cancellationToken)
    {
        var row = await _movements.GetEntityIfExistsAsync<TableEntity>(deadline.MovementReference, DeadlineKey(deadline.Kind), cancellationToken: cancellationToken);
        if (row.HasValue && row.Value!.GetBoolean("Active") == true && row.Value.GetDateTimeOffset("DueAt") == deadline.DueAt)
            return DeadlineCheck.Live;
        var pointer = await _deadlines.GetEntityIfExistsAsync<TableEntity>(TimeBuckets.Of(deadline.DueAt), DeadlinePointerKey(deadline), cancellationToken: cancellationToken);
        return pointer.HasValue && !IsOld(pointer.Value!) ? DeadlineCheck.Pending : DeadlineCheck.Stale;
    }

    public async Task CompleteDeadlineAsync(Deadline deadline, CancellationToken cancellationToken) =>
        await _deadlines.DeleteEntityAsync(TimeBuckets.Of(deadline.DueAt), DeadlinePointerKey(deadline), ETag.All, cancellationToken);

    public async Task<IReadOnlyList<MovementRecord>> ByStatusAsync(string status, int max, CancellationToken cancellationToken)
    {
        var records = new List<MovementRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"status|" + status}");
        await foreach (var e in _lookups.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            if (records.Count >= max)
                break;
            // The lookup may lag a concurrent change: the state row is the truth.
            if (await GetAsync(e.RowKey, cancellationToken) is { } record && record.Status == status)
                records.Add(record);
        }
        return records;
    }

    private static bool IsOld(TableEntity pointer) =>
        DateTimeOffset.UtcNow - (pointer.GetDateTimeOffset("WrittenAt") ?? DateTimeOffset.MinValue) > PointerGrace;
}
