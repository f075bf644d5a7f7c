using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using C2C.Core.Dashboard;
using C2C.Core.Ports;

namespace C2C.Adapters.Storage;

/// <summary>
/// The corridor figures on Table Storage: one entity per figure row, changed with ETag concurrency (read, fold the
/// steps' changes in, replace if unchanged meanwhile, else again). The last version this process wrote of each row is
/// kept, so while the node is the rows' only writer a change is one request; a stale copy costs one 412 and a read.
/// Every step meets on a few rows (the day's, its partner's): in this process one write at a time goes to a row and
/// carries every step that queued for it meanwhile (a group commit), so the rows never slow the steps to one write
/// each; conflicts come only from other processes (more workers on Azure).
/// </summary>
public sealed class TableCorridorFigures(StorageClients clients) : ICorridorFigures
{
    /// <summary>Writers in other processes may get in first; each conflict means one of them did.</summary>
    private const int MaxAttempts = 50;

    private static readonly string[] SystemProperties = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];

    private readonly TableClient _table = clients.Table(clients.Names.Figures);
    private readonly ConcurrentDictionary<FigureRow, TableEntity> _known = new();
    private readonly ConcurrentDictionary<FigureRow, RowQueue> _queues = new();

    /// <summary>Applies one step's changes, row by row; a row that counted this step already is left as it is.</summary>
    public async Task ApplyAsync(IReadOnlyList<FigureChange> changes, string contributionId, CancellationToken cancellationToken)
    {
        foreach (var row in changes.GroupBy(c => c.Row))
        {
            var queue = _queues.GetOrAdd(row.Key, _ => new RowQueue());
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool lead;
            lock (queue)
            {
                queue.Waiting.Add(new Contribution([.. row], contributionId, done));
                lead = !queue.Writing;
                queue.Writing = true;
            }
            if (lead)
                _ = WriteQueuedAsync(row.Key, queue);
            await done.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed record Contribution(IReadOnlyList<FigureChange> Changes, string Id, TaskCompletionSource Done);

    private sealed class RowQueue
    {
        public List<Contribution> Waiting { get; } = [];

        public bool Writing { get; set; }
    }

    /// <summary>One write after another, each with everything queued since the last, until nothing waits.</summary>
    private async Task WriteQueuedAsync(FigureRow row, RowQueue queue)
    {
        while (true)
        {
            List<Contribution> batch;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Writing = false;
                    return;
                }
                batch = [.. queue.Waiting];
                queue.Waiting.Clear();
            }
            try
            {
                await WriteRowAsync(row, batch);
                batch.ForEach(c => c.Done.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(c => c.Done.TrySetException(e));
            }
        }
    }

    private async Task WriteRowAsync(FigureRow row, IReadOnlyList<Contribution> batch)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var held = _known.TryGetValue(row, out var known) ? known : await ReadRowAsync(row, CancellationToken.None);
            var next = Copy(row, held);
            var changed = false;
            foreach (var contribution in batch)
                changed |= FigureRows.Apply(next, contribution.Changes, contribution.Id);
            if (!changed)
                return;
            try
            {
                var response = held is null
                    ? await _table.AddEntityAsync(next)
                    : await _table.UpdateEntityAsync(next, held.ETag, TableUpdateMode.Replace);
                next.ETag = response.Headers.ETag ?? default;
                _known[row] = next;
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 || e.Status == 404 && held is not null && e.ErrorCode != "TableNotFound")
            {
                // another process changed or removed the row: read it again
                _known.TryRemove(row, out _);
                if (attempt > 3)
                    await Task.Delay(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)));
            }
        }
        throw new InvalidOperationException($"figures row {row.Partition}/{row.Row} changed under {MaxAttempts} attempts in a row");
    }

    private async Task<TableEntity?> ReadRowAsync(FigureRow row, CancellationToken cancellationToken)
    {
        var read = await _table.GetEntityIfExistsAsync<TableEntity>(row.Partition, row.Row, cancellationToken: cancellationToken);
        return read.HasValue ? read.Value : null;
    }

    private static TableEntity Copy(FigureRow row, TableEntity? held)
    {
        var copy = new TableEntity(row.Partition, row.Row);
        if (held is not null)
        {
            foreach (var (name, value) in held.Where(p => !SystemProperties.Contains(p.Key)))
                copy[name] = value;
        }
        return copy;
    }

    /// <summary>
    /// The office, partner and duration partitions and the days of the window: four partition (or partition range)
    /// queries, each bounded by offices, partners, two durations and the window's days, never by the archive.
    /// </summary>
    public async Task<IReadOnlyList<FigureValues>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var filters = new[]
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {FigureRows.Office}"),
            TableClient.CreateQueryFilter($"PartitionKey eq {FigureRows.Link}"),
            TableClient.CreateQueryFilter($"PartitionKey eq {FigureRows.Durations}"),
            TableClient.CreateQueryFilter($"PartitionKey ge {FigureRows.Day(from)} and PartitionKey le {FigureRows.Day(to)}"),
        };
        var parts = await Task.WhenAll(filters.Select(f => QueryAsync(f, cancellationToken)));
        return [.. parts.SelectMany(p => p)];
    }

    private async Task<List<FigureValues>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = new List<FigureValues>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(new FigureValues(new FigureRow(e.PartitionKey, e.RowKey),
                e.Where(p => !SystemProperties.Contains(p.Key) && p.Key != FigureRows.Applied).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal)));
        }
        return rows;
    }
}
