using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using C2C.Bench;
using C2C.Bench.Brokers;
using C2C.Bench.Growth;
using C2C.Bench.Micro;
using C2C.Bench.Pipeline;
using C2C.Testing;

// dotnet C2C.Bench.dll <micro|pipeline|growth|brokers> [--quick] [--count N] [--concurrency C] [--sizes 10000,100000] [--storage CONNECTION_STRING] --out FILE
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
        // Floor and pipeline alternate, floor first and last, and each pipeline round is compared with the floors on
        // either side: the emulator's pace drifts within a run (and as it fills), so one floor alone would bias the ratio.
        var rounds = int.Parse(Arg("--rounds") ?? (quick ? "2" : "3"), I);
        var floors = new List<FloorRun.Result> { await FloorRun.RunAsync(stack, count, concurrency, requests) };
        var pipelines = new List<PipelineRun.Result>();
        for (var round = 0; round < rounds; round++)
        {
            pipelines.Add(await PipelineRun.RunAsync(stack, count, concurrency, requests));
            floors.Add(await FloorRun.RunAsync(stack, count, concurrency, requests));
        }
        var ratios = pipelines.Select((p, i) => p.EndToEndPerSecond / ((count / floors[i].Wall.TotalSeconds + count / floors[i + 1].Wall.TotalSeconds) / 2)).ToList();
        var median = ratios.Order().ElementAt(ratios.Count / 2);
        var medianRound = ratios.IndexOf(median); // the round whose ratio is the median is the one reported in detail
        var (pipeline, before, after) = (pipelines[medianRound], floors[medianRound], floors[medianRound + 1]);
        var floorRate = (count / before.Wall.TotalSeconds + count / after.Wall.TotalSeconds) / 2;
        var floor = (Ms: before.Ms.Concat(after.Ms).Order().ToList(), Wall: before.Wall);
        md.AppendLine(I, $"{count} declarations per round, {concurrency} concurrent posts; two nodes (TG, BF) as processes over RabbitMQ and Azurite; {rounds} rounds, floor between them; the median round in detail.").AppendLine();
        md.AppendLine("| measure | value |").AppendLine("|---|---|");
        md.AppendLine(I, $"| end to end (posted at TG → both records indexed at BF) | {pipeline.EndToEndPerSecond:0.0} declarations/s |");
        md.AppendLine(I, $"| receipts at TG | {pipeline.ReceiptsPerSecond:0.0} /s; latency p50 {Stats.Ms(Stats.Percentile(pipeline.ReceiptMs, 50))} ms, p95 {Stats.Ms(Stats.Percentile(pipeline.ReceiptMs, 95))} ms, p99 {Stats.Ms(Stats.Percentile(pipeline.ReceiptMs, 99))} ms |");
        md.AppendLine(I, $"| cross-border (post → second record committed at BF) | p50 {Stats.Ms(Stats.Percentile(pipeline.CrossBorderMs, 50))} ms, p95 {Stats.Ms(Stats.Percentile(pipeline.CrossBorderMs, 95))} ms, p99 {Stats.Ms(Stats.Percentile(pipeline.CrossBorderMs, 99))} ms |");
        md.AppendLine(I, $"| TG node process | {pipeline.Departure.Cpu:0.0} CPU s ({pipeline.Departure.Cpu / count * 1000:0.0} ms per declaration), peak RSS {pipeline.Departure.PeakMiB:0} MiB |");
        md.AppendLine(I, $"| BF node process | {pipeline.Destination.Cpu:0.0} CPU s ({pipeline.Destination.Cpu / count * 1000:0.0} ms per declaration), peak RSS {pipeline.Destination.PeakMiB:0} MiB |");
        md.AppendLine(I, $"| raw floor ({FloorRun.UploadsPerDeclaration} uploads + {FloorRun.TransactionsPerDeclaration} transactions + {FloorRun.PublishesPerDeclaration} publishes per declaration) | {floorRate:0.0} declarations/s (before {count / before.Wall.TotalSeconds:0.0}, after {count / after.Wall.TotalSeconds:0.0}); p50 {Stats.Ms(Stats.Percentile(floor.Ms, 50))} ms per declaration |");
        md.AppendLine(I, $"| **pipeline / floor** | **{median:0.00}** (rounds: {string.Join(", ", ratios.Select(r => r.ToString("0.00", I)))}) |");
        if (pipeline.Requests is { } piped && before.Requests is { } floorRequests)
        {
            md.AppendLine(I, $"| storage requests per declaration, pipeline (both nodes, timers included, the bench's {pipeline.BenchPolls} status polls left out) | {piped.Per(count, pipeline.BenchPolls)} |");
            md.AppendLine(I, $"| storage requests per declaration, floor | {floorRequests.Per(count)} |");
            md.AppendLine(I, $"| floor requests / pipeline requests (the ratio to expect when the emulator sets the pace) | {floorRequests.Rate(count) / piped.Rate(count, pipeline.BenchPolls):0.00} |");
        }
        md.AppendLine(I, $"| dry-run validation over HTTP (no storage, no broker) | {pipeline.ValidateOnlyPerSecond:0.0} /s |");
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
        md.AppendLine("| archived messages | load time | state lookup p50 | auditor search by MRN p50 | storage requests per lookup / per search |").AppendLine("|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            var p = await GrowthRun.MeasureAsync(connectionString, size, concurrency * 2, requests);
            md.AppendLine(I, $"| {size:N0} | {p.LoadTime.TotalSeconds:0} s | {Stats.Ms(p.LookupMedianMs)} ms | {Stats.Ms(p.SearchMedianMs)} ms ({p.Found} of {p.Searches} found) | {p.RequestsPerLookup:0.0} / {p.RequestsPerSearch:0.0} |");
        }
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
        Console.Error.WriteLine($"unknown mode '{mode}' (micro, pipeline, growth, brokers)");
        return 2;
}
File.WriteAllText(output, md.ToString());
Console.WriteLine(md);
return 0;
