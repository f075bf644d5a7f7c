using System.Collections.Concurrent;
using Azure.Data.Tables;
using C2C.Adapters.DurableTask;
using C2C.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>
/// The task hub's housekeeping on Azurite: finished movements (completed, failed, terminated) lose their task hub
/// history after the retention; running ones keep it.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class PurgeTests(LocalStack stack)
{
    [Fact]
    public async Task The_engine_purges_finished_instances_after_the_retention_and_leaves_running_ones()
    {
        var log = new CapturedLog();
        // Retention ~0.9 s and a pass every second: everything is due almost at once, only the status decides.
        using var host = await StartEngineAsync(new() { ["PurgeCompletedAfterDays"] = "0.00001", ["PurgeEvery"] = "00:00:01" }, log);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var hub = host.Services.GetRequiredService<IOptions<LocalDurableEngineOptions>>().Value.TaskHub;

        // On a busy machine the pass may purge one before its status is seen: gone counts as finished here.
        var (completed, failed, terminated, running) = await FourInstancesAsync(client, goneIsFinished: true);

        foreach (var finished in new[] { completed, failed, terminated })
            await Eventually.UntilAsync(async () => await client.GetInstanceAsync(finished) is null, $"{finished} purged", TimeSpan.FromSeconds(90));
        Assert.Equal(0, await HistoryRowsAsync(hub, completed));
        // A pass that ran after the cutoff had passed for all four (they started together) left the running one as it was.
        var stillRunning = await client.GetInstanceAsync(running);
        Assert.Equal(OrchestrationRuntimeStatus.Running, stillRunning?.RuntimeStatus);
        Assert.True(await HistoryRowsAsync(hub, running) > 0);
        // The pass logs once it is over (the purge call that removed them is followed by the look further back).
        await Eventually.UntilAsync(() => Task.FromResult(log.Lines.Any(l => l.EventId == 1701 && l.Message.Contains(" purged (", StringComparison.Ordinal))),
            "the pass logged", TimeSpan.FromSeconds(30));

        // It was left working: its message is taken, it finishes, and then it goes too.
        await client.RaiseEventAsync(running, "Go", "now");
        await Eventually.UntilAsync(async () => await client.GetInstanceAsync(running) is null, $"{running} finished, then purged", TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task A_pass_purges_only_movements_started_before_the_cutoff_walking_back_span_by_span()
    {
        using var host = await StartEngineAsync(new() { ["PurgeEvery"] = "00:00:00" }, new CapturedLog());
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var (completed, failed, terminated, running) = await FourInstancesAsync(client);

        // Retention 1 day: a pass now finds nothing due.
        Assert.Equal(0, await Purge(client, ahead: TimeSpan.Zero).PurgeOnceAsync(CancellationToken.None));
        Assert.NotNull(await client.GetInstanceAsync(completed));

        // Three days later, with one-hour spans: the pass walks back ~48 spans from the cutoff to the day they started.
        Assert.Equal(3, await Purge(client, ahead: TimeSpan.FromDays(3)).PurgeOnceAsync(CancellationToken.None));
        foreach (var finished in new[] { completed, failed, terminated })
            Assert.Null(await client.GetInstanceAsync(finished));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await client.GetInstanceAsync(running))?.RuntimeStatus);
    }

    private static CompletedMovementPurge Purge(DurableTaskClient client, TimeSpan ahead) =>
        new(client, Options.Create(new LocalDurableEngineOptions
        {
            TaskHub = "test", PurgeCompletedAfterDays = 1, PurgeWindow = TimeSpan.FromHours(1), PurgePassLimit = TimeSpan.FromMinutes(2),
        }), new ShiftedTime(ahead), Microsoft.Extensions.Logging.Abstractions.NullLogger<CompletedMovementPurge>.Instance);

    /// <summary>One instance completed, one failed, one terminated, one waiting for an event (running).</summary>
    private static async Task<(string Completed, string Failed, string Terminated, string Running)> FourInstancesAsync(DurableTaskClient client, bool goneIsFinished = false)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var completed = await client.ScheduleNewOrchestrationInstanceAsync("Finishes", "done", new StartOrchestrationOptions($"completed-{id}"));
        var failed = await client.ScheduleNewOrchestrationInstanceAsync("Fails", "x", new StartOrchestrationOptions($"failed-{id}"));
        var terminated = await client.ScheduleNewOrchestrationInstanceAsync("Waits", "x", new StartOrchestrationOptions($"terminated-{id}"));
        var running = await client.ScheduleNewOrchestrationInstanceAsync("Waits", "x", new StartOrchestrationOptions($"running-{id}"));
        await EngineClient.WaitUntilStartedAsync(client, terminated);
        await client.TerminateInstanceAsync(terminated, "ops");
        foreach (var (instance, status) in new[] { (completed, OrchestrationRuntimeStatus.Completed), (failed, OrchestrationRuntimeStatus.Failed), (terminated, OrchestrationRuntimeStatus.Terminated) })
            await Eventually.UntilAsync(async () => await client.GetInstanceAsync(instance) is { } seen ? seen.RuntimeStatus == status : goneIsFinished,
                $"{instance} {status}", TimeSpan.FromSeconds(60));
        await EngineClient.WaitUntilStartedAsync(client, running);
        return (completed, failed, terminated, running);
    }

    private async Task<IHost> StartEngineAsync(Dictionary<string, string?> settings, CapturedLog log)
    {
        settings["ConnectionString"] = stack.StorageConnectionString;
        settings["TaskHub"] = "p" + Guid.NewGuid().ToString("N")[..12];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(log);
        builder.Services.AddLocalDurableEngine(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), tasks => tasks
            .AddOrchestratorFunc<string, string>("Finishes", (_, input) => Task.FromResult(input))
            .AddOrchestratorFunc<string, string>("Fails", (_, _) => Task.FromException<string>(new InvalidOperationException("refused on purpose")))
            .AddOrchestratorFunc<string, string>("Waits", (context, _) => context.WaitForExternalEvent<string>("Go")));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Rows of the instance's history in the task hub's History table (the provider's naming: {hub}History, partition = instance id).</summary>
    private async Task<int> HistoryRowsAsync(string hub, string instanceId)
    {
        var table = new TableServiceClient(stack.StorageConnectionString).GetTableClient(hub + "History");
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["RowKey"]))
            rows++;
        return rows;
    }

    private sealed class ShiftedTime(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }

    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<(int EventId, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (eventId.Id is >= 1701 and <= 1799)
                    log.Lines.Enqueue((eventId.Id, formatter(state, exception)));
            }
        }
    }
}
