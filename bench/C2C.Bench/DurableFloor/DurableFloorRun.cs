using System.Diagnostics;
using C2C.Bench.Pipeline;
using C2C.Testing;

namespace C2C.Bench.DurableFloor;

/// <summary>
/// The Durable floor: the pipeline's unit of work (a declaration posted at Togo → both anticipated records at
/// Burkina Faso) through the engine alone: the same orchestration shape, the same hand-offs, empty activities, on
/// the same backend (the Azure Storage provider on the bench's Azurite, task hubs in their own account).
/// </summary>
public static class DurableFloorRun
{
    /// <param name="EngineCpuMs">CPU per declaration of this process (both engines, their sidecars and the floor's driver).</param>
    /// <param name="EmulatorCpuMs">CPU per declaration of the storage emulator.</param>
    /// <param name="EmulatorFrozen">How long the emulator served nothing while busy (its queue garbage collection, <see cref="EmulatorWatch"/>).</param>
    public sealed record Result(string Setting, int Count, TimeSpan Wall, List<double> ReceiptMs, List<double> CrossBorderMs, StorageRequestLog.Counts? TaskHubRequests,
        double EngineCpuMs, double EmulatorCpuMs, TimeSpan EmulatorFrozen)
    {
        public double PerSecond => Count / Wall.TotalSeconds;

        /// <summary>The rate with the emulator's pauses taken out: what a storage account without them would allow, roughly.</summary>
        public double PerSecondOutsidePauses => Count / Math.Max(1, (Wall - EmulatorFrozen).TotalSeconds);
    }

    /// <param name="engine">Settings of <c>LocalDurableEngineOptions</c> (empty: the defaults); <paramref name="setting"/> names them in the report.</param>
    public static async Task<Result> RunAsync(LocalStack stack, int count, int concurrency, StorageRequestLog? requests,
        string setting = "defaults", IReadOnlyDictionary<string, string?>? engine = null)
    {
        await using var corridor = await FloorCorridor.StartAsync(TaskHubAccount.ConnectionString(stack), engine ?? new Dictionary<string, string?>(), concurrency);

        // Warmed up like the pipeline's nodes (JIT, connections, the partitions' leases) before anything is timed.
        var warmUp = Enumerable.Range(0, concurrency).Select(_ => PipelineRun.NewMrn()).ToList();
        await Stats.RunConcurrentlyAsync(warmUp, concurrency, corridor.DeclareAsync);
        await UntilArrivedAsync(corridor, warmUp.Select(corridor.ArrivedAsync));

        var mrns = Enumerable.Range(0, count).Select(_ => PipelineRun.NewMrn()).ToList();
        var crossBorder = new double[count];
        var served = requests is null ? null : await requests.SnapshotAsync();
        var cpu = (Engines: Stats.CpuSeconds(Environment.ProcessId), Emulator: Stats.EmulatorCpuSeconds());
        await using var watch = EmulatorWatch.Start();
        var clock = Stopwatch.StartNew();
        var arrivals = mrns.Select(async (mrn, i) =>
        {
            await corridor.ArrivedAsync(mrn);
            crossBorder[i] = clock.Elapsed.TotalMilliseconds;
        }).ToList();
        var posted = new double[count];
        var (receiptMs, _) = await Stats.RunConcurrentlyAsync(Enumerable.Range(0, count).ToList(), concurrency, i =>
        {
            posted[i] = clock.Elapsed.TotalMilliseconds;
            return corridor.DeclareAsync(mrns[i]);
        });
        await UntilArrivedAsync(corridor, arrivals);
        var wall = TimeSpan.FromMilliseconds(crossBorder.Max()); // the last record at Burkina Faso
        var (engineCpu, emulatorCpu) = (Stats.CpuSeconds(Environment.ProcessId) - cpu.Engines, Stats.EmulatorCpuSeconds() - cpu.Emulator);
        var frozen = watch is null ? TimeSpan.Zero : await watch.FrozenAsync();
        var taskHub = served is null ? null : (await requests!.SnapshotAsync()).Minus(served).Of(TaskHubAccount.Name(stack) ?? StorageRequestLog.OurAccount);
        return new Result(setting, count, wall, receiptMs, crossBorder.Select((at, i) => at - posted[i]).Order().ToList(), taskHub,
            engineCpu / count * 1000, emulatorCpu / count * 1000, frozen);
    }

    private static async Task UntilArrivedAsync(FloorCorridor corridor, IEnumerable<Task> arrivals)
    {
        var all = Task.WhenAll(arrivals);
        while (!all.IsCompleted)
        {
            if (corridor.Failures.Count > 0)
                throw new AggregateException("Durable floor: a hand-off failed", corridor.Failures);
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1)));
        }
        await all;
    }
}
