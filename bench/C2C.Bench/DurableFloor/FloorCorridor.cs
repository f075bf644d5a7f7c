using System.Collections.Concurrent;
using C2C.Adapters.DurableTask;
using C2C.Orchestration;
using C2C.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace C2C.Bench.DurableFloor;

/// <summary>
/// The Durable floor's two nodes, Togo (departure) and Burkina Faso (destination), in this process: each its own
/// engine (<see cref="LocalDurableEngineExtensions.AddLocalDurableEngine"/>: sidecar, Azure Storage provider, its own
/// task hub) running <see cref="FloorMovement"/>; between them, what the nodes' ingest does, minus our storage:
/// read the instance, start it with the message or raise the message to it, wait for the node's acknowledgement.
/// </summary>
public sealed class FloorCorridor : IAsyncDisposable
{
    public const string Departure = "TG";
    public const string Destination = "BF";

    /// <summary>The departure's time limit, pending while the movement waits (a durable timer, as in the real orchestrator).</summary>
    private static readonly TimeSpan TimeLimit = TimeSpan.FromDays(8);

    /// <summary>What the declaration sends to the destination (the two anticipated records), by message type.</summary>
    private static readonly Dictionary<string, string> Records = new(StringComparer.Ordinal)
    {
        ["IE050"] = "IE050-AnticipatedTransitRecord",
        ["IE001"] = "IE001-AnticipatedArrivalRecord",
    };

    private static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, IHost> _nodes = new(StringComparer.Ordinal);
    private readonly FloorSignals _signals = new();
    private readonly Dictionary<string, Task> _deliveries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _concurrentDeliveries;
    private readonly ConcurrentQueue<Exception> _failures = new();
    private bool _oneActivityPerStep;

    private FloorCorridor(int concurrentDeliveries)
    {
        _concurrentDeliveries = new SemaphoreSlim(concurrentDeliveries);
        _signals.OnPublished = Deliver;
    }

    /// <summary>Settings of the floor's shape rather than of the engine, given among the engine's: <c>Floor:PublishActivities=true</c>.</summary>
    public const string ShapePrefix = "Floor:";

    /// <param name="engine">
    /// Settings of <see cref="LocalDurableEngineOptions"/> for both nodes (the tuning under test), and the floor's own
    /// (<see cref="ShapePrefix"/>).
    /// </param>
    /// <param name="concurrentDeliveries">Partner messages the destination's ingest hands over at once (across movements; in order within one).</param>
    public static async Task<FloorCorridor> StartAsync(string connectionString, IReadOnlyDictionary<string, string?> engine, int concurrentDeliveries)
    {
        var corridor = new FloorCorridor(concurrentDeliveries)
        {
            // As the orchestrators since MovementVersions.PublishedWithTheRecord, unless the older shape is asked for.
            _oneActivityPerStep = engine.GetValueOrDefault(ShapePrefix + "PublishActivities") != "true",
        };
        var engineOnly = engine.Where(kv => !kv.Key.StartsWith(ShapePrefix, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
        var run = Guid.NewGuid().ToString("N")[..8];
        try
        {
            foreach (var node in new[] { Departure, Destination })
                corridor._nodes[node] = await corridor.StartNodeAsync(connectionString, $"floor{run}{node.ToLowerInvariant()}", engineOnly);
            return corridor;
        }
        catch
        {
            await corridor.DisposeAsync();
            throw;
        }
    }

    /// <summary>The departure's HTTP ingest: the declaration starts the movement; returns with Togo's acknowledgement (the receipt).</summary>
    public Task DeclareAsync(string mrn) =>
        HandOverAsync(Departure, mrn, new FloorMessage("IE015", Samples.Text("IE015-TransitDeclaration").Replace(Samples.Mrn, mrn, StringComparison.Ordinal), [.. Records.Keys]), TimeLimit);

    /// <summary>Completes when Burkina Faso has recorded both anticipated records of the movement.</summary>
    public Task ArrivedAsync(string mrn) => Task.WhenAll(Records.Keys.Select(type => _signals.RecordedAsync(Destination, mrn, type)));

    /// <summary>What went wrong in a delivery (a movement then never arrives): the bench reports it instead of waiting for ever.</summary>
    public IReadOnlyCollection<Exception> Failures => _failures;

    /// <summary>The destination's broker consumer: a movement's messages one after the other, movements side by side.</summary>
    private void Deliver(FloorPublication publication)
    {
        var message = new FloorMessage(publication.MessageType,
            Samples.Text(Records[publication.MessageType]).Replace(Samples.Mrn, publication.Mrn, StringComparison.Ordinal), []);
        lock (_deliveries)
        {
            var before = _deliveries.GetValueOrDefault(publication.Mrn, Task.CompletedTask);
            _deliveries[publication.Mrn] = before.ContinueWith(async _ =>
            {
                await _concurrentDeliveries.WaitAsync();
                try
                {
                    await HandOverAsync(publication.To, publication.Mrn, message, deadline: null);
                }
                catch (Exception e)
                {
                    _failures.Enqueue(e);
                }
                finally
                {
                    _concurrentDeliveries.Release();
                }
            }, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>As <c>MovementHandOff</c>: read the instance, start it (first message as input) or raise the message; then the acknowledgement.</summary>
    private async Task HandOverAsync(string node, string mrn, FloorMessage message, TimeSpan? deadline)
    {
        var client = _nodes[node].Services.GetRequiredService<DurableTaskClient>();
        var instanceId = MovementInstances.Transit(mrn);
        var acknowledged = _signals.RecordedAsync(node, mrn, message.Type);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false);
        if (instance is null || instance.IsCompleted)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(FloorMovement), new FloorStart(mrn, node, node == Departure ? Destination : Departure, message, deadline, _oneActivityPerStep),
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended));
        }
        else
        {
            await client.RaiseEventAsync(instanceId, MovementInstances.MessageEvent, message);
        }
        try
        {
            await acknowledged.WaitAsync(AcknowledgeWithin);
        }
        catch (TimeoutException)
        {
            var status = (await client.GetInstanceAsync(instanceId))?.RuntimeStatus.ToString() ?? "not found";
            throw new TimeoutException($"{node} did not record {message.Type} of {instanceId} within {AcknowledgeWithin} (instance {status})");
        }
    }

    private async Task<IHost> StartNodeAsync(string connectionString, string taskHub, IReadOnlyDictionary<string, string?> engine)
    {
        var settings = new Dictionary<string, string?>(engine, StringComparer.Ordinal)
        {
            ["ConnectionString"] = connectionString,
            ["TaskHub"] = taskHub,
            ["PurgeEvery"] = "00:00:00", // nothing finishes during a run
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // C2C_BENCH_ENGINE_LOG=Warning (or Information, ...): the engines' own log on stderr, to see what a slow run did.
        if (Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("C2C_BENCH_ENGINE_LOG"), out var level))
            builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(level)
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(_signals);
        builder.Services.AddLocalDurableEngine(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            tasks => tasks.AddOrchestrator<FloorMovement>().AddActivity<FloorRecord>().AddActivity<FloorPublish>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _nodes.Values)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopping.Token);
            host.Dispose();
        }
        _concurrentDeliveries.Dispose();
    }
}
