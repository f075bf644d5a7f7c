using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using C2C.Core.Dashboard;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Telemetry;
using static C2C.Adapters.Storage.MovementEntities;

namespace C2C.Adapters.Storage;

/// <summary>
/// The movement index on Table Storage. Per movement one partition; one entity-group transaction per step so state,
/// history and dedup change together; a status lookup and a node-wide message-id lookup beside it. The corridor
/// figures follow each commit: the step's changes ride in its dedup row, marked pending, and are applied after it; a
/// run of the same step that finds them still pending (a crash in between) applies them then, and a figure row
/// recognises a step it counted already.
/// </summary>
public sealed class TableMovementIndex(StorageClients clients, CorridorFigures? figures = null) : IMovementIndex
{
    /// <summary>Entity-group transaction limit of Azure Table Storage.</summary>
    public const int MaxActionsPerCommit = 100;

    private readonly TableClient _movements = clients.Table(clients.Names.Movements);
    private readonly TableClient _messages = clients.Table(clients.Names.Messages);
    private readonly TableClient _lookups = clients.Table(clients.Names.Lookups);
    private readonly CorridorFigures _figures = figures ?? CorridorFigures.Default;
    private readonly TableCorridorFigures _figureRows = new(clients);

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
        // Timed, but no span: the ingest polls it while it waits for the movement's acknowledgement.
        return await ExchangeTelemetry.TimeAsync(ExchangeTelemetry.StorageDuration, "index.dedup", () => FindMessageUntimedAsync(movementReference, messageId, cancellationToken));
    }

    private async Task<DedupRecord?> FindMessageUntimedAsync(string? movementReference, string messageId, CancellationToken cancellationToken)
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

    public async Task<IReadOnlyList<DedupRecord>> FindInMovementAsync(string movementReference, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var rows = string.Join(" or ", messageIds.Select(id => TableClient.CreateQueryFilter($"RowKey eq {DedupKey(id)}")));
        var found = new List<DedupRecord>();
        await foreach (var e in _movements.QueryAsync<TableEntity>($"{TableClient.CreateQueryFilter($"PartitionKey eq {movementReference}")} and ({rows})", cancellationToken: cancellationToken))
            found.Add(ToDedup(movementReference, e));
        return found;
    }

    public async Task<(MovementRecord? Current, DedupRecord? Seen)> LoadAsync(string movementReference, string messageId, CancellationToken cancellationToken)
    {
        using var span = ExchangeTelemetry.Span("c2c.index", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("c2c.operation", "index.load");
        return await ExchangeTelemetry.TimeAsync(ExchangeTelemetry.StorageDuration, "index.load", () => LoadUntimedAsync(movementReference, messageId, cancellationToken));
    }

    private async Task<(MovementRecord? Current, DedupRecord? Seen)> LoadUntimedAsync(string movementReference, string messageId, CancellationToken cancellationToken)
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
            {
                current = ToRecord(e);
            }
            else
            {
                seen = ToDedup(movementReference, e);
                if (e.GetBoolean(FiguresPending) == true)
                    await ApplyFiguresAsync(movementReference, messageId, JsonSerializer.Deserialize<List<FigureChange>>(e.GetString(PendingFigures) ?? "[]") ?? [], cancellationToken);
            }
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
        using var span = ExchangeTelemetry.Span("c2c.index", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("c2c.operation", "index.commit");
        return await ExchangeTelemetry.TimeAsync(ExchangeTelemetry.StorageDuration, "index.commit", () => CommitUntimedAsync(commit, cancellationToken));
    }

    private async Task<CommitOutcome> CommitUntimedAsync(MovementCommit commit, CancellationToken cancellationToken)
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
        var changes = _figures.Of(commit);
        var dedup = Dedup(pk, commit.Dedup);
        if (changes.Count > 0)
        {
            dedup[FiguresPending] = true;
            dedup[PendingFigures] = JsonSerializer.Serialize(changes);
        }
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, dedup));
        if (actions.Count > MaxActionsPerCommit)
            throw new InvalidOperationException($"commit of {pk} needs {actions.Count} table actions; the limit is {MaxActionsPerCommit}");

        // The status lookup first (idempotent; its readers check the state row); an unchanged status has its entry already.
        var statusChanged = commit.PreviousStatus != commit.Status;
        if (statusChanged)
            await _lookups.UpsertEntityAsync(new TableEntity("status|" + commit.Status, pk), TableUpdateMode.Replace, cancellationToken);

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
        if (changes.Count > 0)
            await ApplyFiguresAsync(pk, commit.Dedup.MessageId, changes, cancellationToken);
        return CommitOutcome.Committed;
    }

    /// <summary>The step's figures into their rows, then its dedup row no longer pending (a failure in between: the next run applies them).</summary>
    private async Task ApplyFiguresAsync(string movementReference, string messageId, IReadOnlyList<FigureChange> changes, CancellationToken cancellationToken)
    {
        await _figureRows.ApplyAsync(changes, FigureRows.ContributionId(movementReference, messageId), cancellationToken);
        await _movements.UpdateEntityAsync(new TableEntity(movementReference, DedupKey(messageId)) { [FiguresPending] = false }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<MovementRecord>> ByStatusAsync(MovementStatus status, int max, CancellationToken cancellationToken)
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
}
