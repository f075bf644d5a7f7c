using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace C2C.Adapters.DurableTask;

/// <summary>
/// The task hub's housekeeping: the history of a finished movement (completed, terminated, failed) is purged once the
/// movement started <see cref="LocalDurableEngineOptions.PurgeCompletedAfterDays"/> ago. Only the task hub's rows and
/// blobs go: the archive and the index stay for auditors, and a message about a purged movement opens it again from
/// the index, as for any completed one. Running, pending and suspended movements are never touched (status filter).
/// </summary>
/// <remarks>
/// The provider filters on the start time (the instance table has no index on the end), so retention counts from the
/// start. Each purge call covers one <see cref="LocalDurableEngineOptions.PurgeWindow"/> of start times, newest first,
/// and the pass goes back while finished movements older than the span remain, within
/// <see cref="LocalDurableEngineOptions.PurgePassLimit"/>: a task hub purged for the first time after years is worked
/// off over several passes, never in one unbounded call. (The filter's own <c>Timeout</c> would bound a call, but the
/// in-process sidecar does not pass it to the provider.)
/// </remarks>
public sealed class CompletedMovementPurge(DurableTaskClient client, IOptions<LocalDurableEngineOptions> options, TimeProvider time,
    ILogger<CompletedMovementPurge> logger) : BackgroundService
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Failed];

    /// <summary>The first pass waits at most this long after start: the node's start comes first, and a node restarted often still purges.</summary>
    private static readonly TimeSpan FirstPassAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.PurgeEvery;
        if (every <= TimeSpan.Zero)
            return;
        var wait = every < FirstPassAfter ? every : FirstPassAfter;
        try
        {
            while (true)
            {
                await Task.Delay(wait, time, stoppingToken);
                wait = every;
                try
                {
                    await PurgeOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Storage down or the sidecar restarting: the next pass tries again; nothing is lost by waiting.
                    logger.PurgeFailed(options.Value.TaskHub, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>One pass: finished movements started before the retention's cutoff, purged span by span, newest first.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(o.PurgeCompletedAfterDays);
        var stopAt = time.GetUtcNow() + o.PurgePassLimit;
        var (purged, calls, to) = (0, 0, cutoff);
        bool more;
        do
        {
            var from = to - o.PurgeWindow;
            var result = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, to, Finished), cancellationToken);
            (purged, calls, to) = (purged + result.PurgedInstanceCount, calls + 1, from);
            more = await AnyFinishedStartedBeforeAsync(to, cancellationToken);
        }
        while (more && time.GetUtcNow() < stopAt);
        logger.Purged(o.TaskHub, purged, cutoff, calls, more);
        return purged;
    }

    private async Task<bool> AnyFinishedStartedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery(CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: before, Statuses: Finished, PageSize: 1, FetchInputsAndOutputs: false);
        await foreach (var _ in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            return true;
        return false;
    }
}
