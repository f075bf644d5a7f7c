using C2C.Core.Identifiers;
using C2C.Testing;

namespace C2C.Bench.Pipeline;

/// <summary>
/// End to end: N transit declarations posted concurrently to the Togo node, until Burkina Faso's node has indexed
/// both anticipated records of each (IE050 and IE001 through RabbitMQ) and Togo has answered every receipt.
/// </summary>
public static class PipelineRun
{
    public sealed record Result(int Count, int Concurrency, TimeSpan ReceiptsWall, TimeSpan EndToEndWall, List<double> ReceiptMs, List<double> CrossBorderMs,
        double ValidateOnlyPerSecond, (double Cpu, double PeakMiB) Departure, (double Cpu, double PeakMiB) Destination,
        StorageRequestLog.Served? Requests, long BenchPolls, double EmulatorCpu, TimeSpan EmulatorFrozen)
    {
        public double ReceiptsPerSecond => Count / ReceiptsWall.TotalSeconds;
        public double EndToEndPerSecond => Count / EndToEndWall.TotalSeconds;
    }

    /// <param name="taskHubStorage">
    /// Where the nodes keep their durable engine's task hub (<c>C2C:Engine:ConnectionString</c>; the node's default is
    /// its own storage): the bench puts it in an account of its own to count its requests apart. Ignored by a node
    /// without the engine.
    /// </param>
    public static async Task<Result> RunAsync(LocalStack stack, int count, int concurrency, StorageRequestLog? requests, string taskHubStorage)
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], new()
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // One office system posting as fast as it can: the per-party rate limit would measure itself.
            ["C2C:RateLimits:PermitsPerMinute"] = "6000000",
            ["C2C:RateLimits:Burst"] = "100000",
            ["C2C:Engine:ConnectionString"] = taskHubStorage,
        });
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        await WarmUpAsync(tg, bf);

        var declarations = Enumerable.Range(0, count).Select(_ => NewMrn()).Select(mrn => (Mrn: mrn, Xml: Samples.ForMovement("IE015-TransitDeclaration", mrn))).ToList();
        var cpu = (Tg: Stats.CpuSeconds(tg.Process.Pid!.Value), Bf: Stats.CpuSeconds(bf.Process.Pid!.Value), Emulator: Stats.EmulatorCpuSeconds());
        var postedAt = new Dictionary<string, DateTimeOffset>();
        var served = requests is null ? null : await requests.SnapshotAsync();
        await using var watch = EmulatorWatch.Start();
        var started = DateTimeOffset.UtcNow;
        var (receiptMs, receiptsWall) = await Stats.RunConcurrentlyAsync(declarations, concurrency, async d =>
        {
            lock (postedAt)
                postedAt[d.Mrn] = DateTimeOffset.UtcNow;
            await tg.AcceptedAsync(d.Xml);
        });
        // Each status poll is one point read at BF's storage; they are counted so the request count can leave them out.
        long polls = 0;
        var waitUntil = DateTime.UtcNow.AddSeconds(300);
        foreach (var d in declarations)
            while (true)
            {
                polls++;
                if (await bf.StatusAsync(d.Mrn) == "ExpectedAtBorder")
                    break;
                if (DateTime.UtcNow > waitUntil)
                    await bf.WaitForStatusAsync(d.Mrn, "ExpectedAtBorder", seconds: 1); // fails with the node's log tail
                await Task.Delay(100);
            }
        var pipelineRequests = served is null ? null : (await requests!.SnapshotAsync()).Minus(served);
        var emulatorCpu = Stats.EmulatorCpuSeconds() - cpu.Emulator;
        var frozen = watch is null ? TimeSpan.Zero : await watch.FrozenAsync();
        // The destination's own commit times tell when each movement was complete there (the second record applied).
        var crossBorder = new List<double>();
        var lastApplied = started;
        foreach (var d in declarations)
        {
            var applied = (await bf.TimelineAsync(d.Mrn)).Events.Take(2).Max(e => e.AppliedAt);
            crossBorder.Add((applied - postedAt[d.Mrn]).TotalMilliseconds);
            lastApplied = applied > lastApplied ? applied : lastApplied;
        }
        var departure = (Stats.CpuSeconds(tg.Process.Pid!.Value) - cpu.Tg, Stats.PeakMemoryMiB(tg.Process.Pid!.Value));
        var destination = (Stats.CpuSeconds(bf.Process.Pid!.Value) - cpu.Bf, Stats.PeakMemoryMiB(bf.Process.Pid!.Value));

        // Part of the profile: the same posts through the dry-run endpoint (HTTP + hardened parse + XSD, no storage, no broker).
        var (_, validateWall) = await Stats.RunConcurrentlyAsync(declarations, concurrency, d => tg.ValidateAsync(d.Xml));
        return new Result(count, concurrency, receiptsWall, lastApplied - started, receiptMs, crossBorder.Order().ToList(),
            count / validateWall.TotalSeconds, departure, destination, pipelineRequests, polls, emulatorCpu, frozen);
    }

    private static async Task WarmUpAsync(CountryNode tg, CountryNode bf)
    {
        foreach (var mrn in Enumerable.Range(0, 10).Select(_ => NewMrn()))
        {
            await tg.AcceptedAsync(Samples.ForMovement("IE015-TransitDeclaration", mrn));
            await bf.WaitForStatusAsync(mrn, "ExpectedAtBorder", seconds: 60);
        }
    }

    public static string NewMrn() => Mrn.Create(DateTime.UtcNow.Year % 100, "TG", "LOM" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9")).ToString();
}
