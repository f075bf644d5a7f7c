using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using C2C.Bench;
using C2C.Bench.Brokers;
using C2C.Bench.DurableFloor;
using C2C.Bench.Growth;
using C2C.Bench.Micro;
using C2C.Bench.Pipeline;
using C2C.Testing;

// dotnet C2C.Bench.dll <micro|pipeline|engine|growth|brokers> [--quick] [--count N] [--concurrency C] [--sizes 10000,100000] [--storage CONNECTION_STRING] --out FILE
var mode = args.FirstOrDefault() ?? "pipeline";
var quick = args.Contains("--quick");
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var count = int.Parse(Arg("--count") ?? (quick ? "200" : "1000"), CultureInfo.InvariantCulture);
var concurrency = int.Parse(Arg("--concurrency") ?? "16", CultureInfo.InvariantCulture);
var output = Arg("--out") ?? Path.Combine(RepoPaths.Root, "bench", "out", mode + ".md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
var md = new StringBuilder();
var I = CultureInfo.InvariantCulture;

switch (mode)
{
    case "micro":
    {
        var job = quick ? Job.ShortRun : Job.Default;
        var summary = BenchmarkRunner.Run<XmlPipelineBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job.WithId(quick ? "short" : "default")));
        var reports = summary.Reports.Where(r => r.ResultStatistics is not null).ToList();
        var floor = reports.First(r => r.BenchmarkCase.Descriptor.Baseline).ResultStatistics!.Mean;
        md.AppendLine("| per message (IE015, " + Samples.Bytes("IE015-TransitDeclaration").Length + " bytes) | mean µs | ratio to bare XmlReader | allocated |").AppendLine("|---|---|---|---|");
        foreach (var r in reports)
        {
            var mean = r.ResultStatistics!.Mean;
            md.AppendLine(I, $"| {r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {mean / 1000:0.0} | {mean / floor:0.0} | {r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) / 1024.0:0.0} KiB |");
        }
        break;
    }
    case "pipeline":
    {
        using var stack = new LocalStack();
        var requests = StorageRequestLog.FromStack();
        // The floors and the pipeline alternate, floors first and last, and each pipeline round is compared with the
        // floors on either side: the emulator's pace drifts within a run (and as it fills), so one floor alone would
        // bias the ratio. Raw floor: our unavoidable writes with no engine. Durable floor: the engine with empty activities.
        var rounds = int.Parse(Arg("--rounds") ?? (quick ? "2" : "3"), I);
        // Each run that used task hubs is followed by clearing their account (TaskHubAccount.ClearAsync says why).
        var floors = new List<FloorRun.Result> { await FloorRun.RunAsync(stack, count, concurrency, requests) };
        var durables = new List<DurableFloorRun.Result> { await DurableFloorRun.RunAsync(stack, count, concurrency, requests) };
        await TaskHubAccount.ClearAsync(stack);
        var pipelines = new List<PipelineRun.Result>();
        for (var round = 0; round < rounds; round++)
        {
            pipelines.Add(await PipelineRun.RunAsync(stack, count, concurrency, requests, TaskHubAccount.ConnectionString(stack)));
            await TaskHubAccount.ClearAsync(stack);
            floors.Add(await FloorRun.RunAsync(stack, count, concurrency, requests));
            durables.Add(await DurableFloorRun.RunAsync(stack, count, concurrency, requests));
            await TaskHubAccount.ClearAsync(stack);
        }
        double Around<T>(List<T> runs, int round, Func<T, double> rate) => (rate(runs[round]) + rate(runs[round + 1])) / 2;
        var ratios = pipelines.Select((p, i) => p.EndToEndPerSecond / Around(floors, i, f => count / f.Wall.TotalSeconds)).ToList();
        var durableRatios = pipelines.Select((p, i) => p.EndToEndPerSecond / Around(durables, i, d => d.PerSecond)).ToList();
        var median = ratios.Order().ElementAt(ratios.Count / 2);
        var medianRound = ratios.IndexOf(median); // the round whose ratio is the median is the one reported in detail
        var (pipeline, before, after) = (pipelines[medianRound], floors[medianRound], floors[medianRound + 1]);
        var (durableBefore, durableAfter) = (durables[medianRound], durables[medianRound + 1]);
        var floorRate = Around(floors, medianRound, f => count / f.Wall.TotalSeconds);
        var floorMs = before.Ms.Concat(after.Ms).Order().ToList();
        var durableReceipts = durableBefore.ReceiptMs.Concat(durableAfter.ReceiptMs).Order().ToList();
        var durableCrossBorder = durableBefore.CrossBorderMs.Concat(durableAfter.CrossBorderMs).Order().ToList();
        string Rounds(IEnumerable<double> values) => string.Join(", ", values.Select(r => r.ToString("0.00", I)));
        md.AppendLine(I, $"{count} declarations per round, {concurrency} concurrent posts; two nodes (TG, BF) as processes over RabbitMQ and Azurite; {rounds} rounds, the floors between them; the round with the median raw-floor ratio in detail.").AppendLine();
        md.AppendLine("| measure | value |").AppendLine("|---|---|");
        md.AppendLine(I, $"| end to end (posted at TG → both records indexed at BF) | **{pipeline.EndToEndPerSecond:0.0} declarations/s** (rounds: {Rounds(pipelines.Select(p => p.EndToEndPerSecond))}) |");
        md.AppendLine(I, $"| receipts at TG | {pipeline.ReceiptsPerSecond:0.0} /s; latency p50 {Stats.Ms(Stats.Percentile(pipeline.ReceiptMs, 50))} ms, p95 {Stats.Ms(Stats.Percentile(pipeline.ReceiptMs, 95))} ms, p99 {Stats.Ms(Stats.Percentile(pipeline.ReceiptMs, 99))} ms |");
        md.AppendLine(I, $"| cross-border (post → second record committed at BF) | p50 {Stats.Ms(Stats.Percentile(pipeline.CrossBorderMs, 50))} ms, p95 {Stats.Ms(Stats.Percentile(pipeline.CrossBorderMs, 95))} ms, p99 {Stats.Ms(Stats.Percentile(pipeline.CrossBorderMs, 99))} ms |");
        md.AppendLine(I, $"| TG node process | {pipeline.Departure.Cpu:0.0} CPU s ({pipeline.Departure.Cpu / count * 1000:0.0} ms per declaration), peak RSS {pipeline.Departure.PeakMiB:0} MiB |");
        md.AppendLine(I, $"| BF node process | {pipeline.Destination.Cpu:0.0} CPU s ({pipeline.Destination.Cpu / count * 1000:0.0} ms per declaration), peak RSS {pipeline.Destination.PeakMiB:0} MiB |");
        md.AppendLine(I, $"| storage emulator (Azurite) | {pipeline.EmulatorCpu / count * 1000:0.0} CPU ms per declaration (the bench's status polls included); served nothing while busy for {pipeline.EmulatorFrozen.TotalSeconds:0} s (its queue garbage collection, see ANALYSIS) |");
        md.AppendLine(I, $"| raw floor ({FloorRun.UploadsPerDeclaration} uploads + {FloorRun.TransactionsPerDeclaration} transactions + {FloorRun.PublishesPerDeclaration} publishes per declaration, no engine) | {floorRate:0.0} declarations/s (before {count / before.Wall.TotalSeconds:0.0}, after {count / after.Wall.TotalSeconds:0.0}); p50 {Stats.Ms(Stats.Percentile(floorMs, 50))} ms per declaration |");
        md.AppendLine(I, $"| **pipeline / raw floor** | **{median:0.00}** (rounds: {Rounds(ratios)}) |");
        md.AppendLine(I, $"| Durable floor (the same orchestration shape and hand-offs, empty activities, same backend: two engines in the bench's process) | {Around(durables, medianRound, d => d.PerSecond):0.0} declarations/s (before {durableBefore.PerSecond:0.0}, after {durableAfter.PerSecond:0.0}); receipt p50 {Stats.Ms(Stats.Percentile(durableReceipts, 50))} ms; cross-border p50 {Stats.Ms(Stats.Percentile(durableCrossBorder, 50))} ms, p95 {Stats.Ms(Stats.Percentile(durableCrossBorder, 95))} ms; CPU per declaration: engines {(durableBefore.EngineCpuMs + durableAfter.EngineCpuMs) / 2:0.0} ms, Azurite {(durableBefore.EmulatorCpuMs + durableAfter.EmulatorCpuMs) / 2:0.0} ms; emulator paused {durableBefore.EmulatorFrozen.TotalSeconds:0} s / {durableAfter.EmulatorFrozen.TotalSeconds:0} s (outside its pauses: {Around(durables, medianRound, d => d.PerSecondOutsidePauses):0.0} declarations/s) |");
        // Nodes on today's engine leave the task hub account untouched (a few requests of the floor's shutdown may fall
        // in the window): the ratio then says how today's engine compares, not what Durable adds.
        var nodesOnEngine = pipeline.Requests is not { } served || TaskHubAccount.Name(stack) is null || served.Of(TaskHubAccount.Name(stack)).Rate(count) >= 1;
        md.AppendLine(I, $"| **pipeline / Durable floor** (goal ≥ 0.7{(nodesOnEngine ? "" : "; the nodes ran without the durable engine, so this compares today's engine with the floor")}) | **{durableRatios[medianRound]:0.00}** (rounds: {Rounds(durableRatios)}) |");
        if (pipeline.Requests is { } piped && before.Requests is { } floorServed)
        {
            var (ours, hub) = (StorageRequestLog.OurAccount, TaskHubAccount.Name(stack));
            var pipedHub = piped.Of(hub);
            md.AppendLine(I, $"| storage requests per declaration, pipeline, ours (archive, index, claims; both nodes, the bench's {pipeline.BenchPolls} status polls left out) | {piped.Of(ours).Per(count, pipeline.BenchPolls)} |");
            md.AppendLine(I, $"| storage requests per declaration, pipeline, task hubs (both nodes' engines, idle polls included) | {(hub is null ? "not told apart from ours (no task hub account)" : !nodesOnEngine ? "none: the nodes ran without the durable engine" : pipedHub.Per(count))} |");
            md.AppendLine(I, $"| storage requests per declaration, raw floor | {floorServed.Of(ours).Per(count)} |");
            if (durableBefore.TaskHubRequests is { } durableServed)
                md.AppendLine(I, $"| storage requests per declaration, Durable floor (task hubs) | {durableServed.Per(count)} |");
            md.AppendLine(I, $"| raw floor requests / pipeline requests (the ratio to expect when the emulator sets the pace) | {floorServed.Of(ours).Rate(count) / (piped.Of(ours).Rate(count, pipeline.BenchPolls) + (hub is null ? 0 : pipedHub.Rate(count))):0.00} |");
        }
        md.AppendLine(I, $"| dry-run validation over HTTP (no storage, no broker) | {pipeline.ValidateOnlyPerSecond:0.0} /s |");
        break;
    }
    case "engine":
    {
        // The Durable floor under the engine's settings, alternated (the machine's pace drifts): ratios to the defaults.
        // --settings "name:Key=Value,Key=Value;name2:..." (LocalDurableEngineOptions keys); the defaults run first and last.
        using var stack = new LocalStack();
        var requests = StorageRequestLog.FromStack();
        var variants = EngineSettings.Parse(Arg("--settings") ?? EngineSettings.Compared);
        var runs = new List<DurableFloorRun.Result>();
        foreach (var (name, settings) in EngineSettings.Alternated(variants))
        {
            runs.Add(await DurableFloorRun.RunAsync(stack, count, concurrency, requests, name, settings));
            Console.WriteLine(FormattableString.Invariant($"engine: {name}: {runs[^1].PerSecond:0.0} declarations/s"));
            await TaskHubAccount.ClearAsync(stack);
        }
        md.AppendLine(I, $"{count} declarations per run, {concurrency} at once, through the Durable floor (two engines in one process, empty activities); each setting against the default runs on either side of it, as measured and with the emulator's pauses (its queue garbage collection) taken out of the wall time.").AppendLine();
        md.AppendLine("| setting | declarations/s | / defaults around it | emulator paused | outside pauses: declarations/s, / defaults | receipt p50 | cross-border p50 / p95 | CPU ms per declaration: engines / Azurite | task hub requests per declaration |").AppendLine("|---|---|---|---|---|---|---|---|---|");
        string Ratio(int i, Func<DurableFloorRun.Result, double> rate) =>
            runs[i].Setting == EngineSettings.Defaults ? "" : (rate(runs[i]) / ((rate(runs[i - 1]) + rate(runs[i + 1])) / 2)).ToString("0.00", I);
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            md.AppendLine(I, $"| {r.Setting} | {r.PerSecond:0.0} | {Ratio(i, x => x.PerSecond)} | {r.EmulatorFrozen.TotalSeconds:0} s | {r.PerSecondOutsidePauses:0.0}{(r.Setting == EngineSettings.Defaults ? "" : $" ({Ratio(i, x => x.PerSecondOutsidePauses)})")} | {Stats.Ms(Stats.Percentile(r.ReceiptMs, 50))} ms | {Stats.Ms(Stats.Percentile(r.CrossBorderMs, 50))} / {Stats.Ms(Stats.Percentile(r.CrossBorderMs, 95))} ms | {r.EngineCpuMs:0.0} / {r.EmulatorCpuMs:0.0} | {r.TaskHubRequests?.Per(r.Count) ?? "not counted"} |");
        }
        break;
    }
    case "growth":
    {
        // --storage (or C2C_BENCH_STORAGE_CONNECTION_STRING): a real storage account instead of the local emulator,
        // for the sizes the emulator cannot hold (100 k, 1 M); storage requests are then not counted.
        var account = Arg("--storage") ?? Environment.GetEnvironmentVariable("C2C_BENCH_STORAGE_CONNECTION_STRING");
        using var stack = account is null ? new LocalStack() : null;
        var connectionString = account ?? stack!.StorageConnectionString;
        var requests = account is null ? StorageRequestLog.FromStack() : null;
        var sizes = (Arg("--sizes") ?? (quick ? "1000,3000" : "1000,10000")).Split(',').Select(s => int.Parse(s, I)).ToList();
        if (account is not null)
            md.AppendLine(I, $"Against the storage account {new Azure.Data.Tables.TableServiceClient(account).AccountName} (not the emulator).").AppendLine();
        md.AppendLine("| archived messages | load time | state lookup p50 | auditor search by MRN p50 | storage requests per lookup / per search | dashboard read p50 (figure rows, requests) |").AppendLine("|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            var p = await GrowthRun.MeasureAsync(connectionString, size, concurrency * 2, requests);
            md.AppendLine(I, $"| {size:N0} | {p.LoadTime.TotalSeconds:0} s | {Stats.Ms(p.LookupMedianMs)} ms | {Stats.Ms(p.SearchMedianMs)} ms ({p.Found} of {p.Searches} found) | {p.RequestsPerLookup:0.0} / {p.RequestsPerSearch:0.0} | {Stats.Ms(p.DashboardMedianMs)} ms ({p.DashboardRows} rows, {p.RequestsPerDashboard:0.0} requests; {p.DashboardOpened:N0} movements counted) |");
        }
        md.AppendLine().AppendLine("| durable timers waiting in the account (invisible queue messages) | poll of an empty queue p50 |").AppendLine("|---|---|");
        foreach (var p in await QueuePollRun.MeasureAsync(connectionString, [0, .. sizes]))
            md.AppendLine(I, $"| {p.Invisible:N0} | {Stats.Ms(p.PollMedianMs)} ms |");
        break;
    }
    case "brokers":
    {
        using var stack = new LocalStack();
        // Alternated, RabbitMQ first and last: the machine's pace drifts within a run.
        var runs = new List<BrokerRun.Result> { await BrokerRun.RabbitMqAsync(stack, count, concurrency), await BrokerRun.ServiceBusAsync(count, concurrency) };
        runs.Add(await BrokerRun.RabbitMqAsync(stack, count, concurrency));
        runs.Add(await BrokerRun.ServiceBusAsync(count, concurrency));
        md.AppendLine(I, $"{count} messages (IE015 sample, {Samples.Bytes("IE015-TransitDeclaration").Length} bytes) per run, {concurrency} movements published side by side (each in order, confirmed), the consumer handling 8 at a time; each adapter twice, alternated.").AppendLine();
        md.AppendLine(I, $"| adapter | publish (confirmed) | publish → consumed | latency p50 / p95 | reached the handler after a later message of its movement ({concurrency} movements) |").AppendLine("|---|---|---|---|---|");
        foreach (var r in runs)
            md.AppendLine(I, $"| {r.Adapter} | {r.PublishedPerSecond:0} /s | {r.ConsumedPerSecond:0} /s | {Stats.Ms(Stats.Percentile(r.LatencyMs, 50))} ms / {Stats.Ms(Stats.Percentile(r.LatencyMs, 95))} ms | {r.OutOfOrder} of {r.Count} |");
        double Mean(IEnumerable<BrokerRun.Result> rs) => rs.Average(r => r.ConsumedPerSecond);
        md.AppendLine().AppendLine(I, $"Service Bus / RabbitMQ, publish → consumed: **{Mean(runs.Where(r => r.Adapter.StartsWith("Service", StringComparison.Ordinal))) / Mean(runs.Where(r => r.Adapter.StartsWith("Rabbit", StringComparison.Ordinal))):0.00}**. The Service Bus endpoint is the in-process test endpoint: it says what the SDK path costs on this machine, not what Azure does.");
        break;
    }
    default:
        Console.Error.WriteLine($"unknown mode '{mode}' (micro, pipeline, engine, growth, brokers)");
        return 2;
}
File.WriteAllText(output, md.ToString());
Console.WriteLine(md);
return 0;
