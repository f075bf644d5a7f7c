using C2C.Core.Transit;
using System.Diagnostics;
using C2C.Adapters.Storage;
using C2C.Core.Archive;
using C2C.Core.Dashboard;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Bench.Growth;

/// <summary>
/// Cost growth with the archive and index size: state lookups and auditor searches at each size (through the real
/// adapters), the dashboard's read of the corridor figures (kept by the index as it commits; the movements spread over
/// 90 days and 20 offices, the dashboard reading 14 days), and the deadline sweep with few due timers among many future
/// ones. Each size is its own node storage.
/// </summary>
public static class GrowthRun
{
    /// <summary>
    /// RequestsPerLookup/PerSearch: what each access costs in storage requests (NaN without the access log).
    /// Found: searches that returned exactly the probed movement's message (Azurite's tag queries miss some, see RESULTS).
    /// </summary>
    /// <param name="DashboardRows">Figure rows the dashboard read: bounded by offices, partners and the window's days, not by the size.</param>
    public sealed record Point(int Size, TimeSpan LoadTime, double LookupMedianMs, double SearchMedianMs, double RequestsPerLookup, double RequestsPerSearch,
        int Searches, int Found, double DashboardMedianMs, double RequestsPerDashboard, int DashboardRows, long DashboardOpened);

    private const int DashboardDays = 14;

    public static async Task<Point> MeasureAsync(string connectionString, int size, int concurrency, StorageRequestLog? requests)
    {
        await using var node = await BenchStorage.CreateAsync(connectionString, $"g{size}");
        var clients = node.Clients;
        var index = new TableMovementIndex(clients);
        var archive = new BlobMessageArchive(clients.Archive);
        var record = Samples.Bytes("IE050-AnticipatedTransitRecord");
        var references = Enumerable.Range(0, size).Select(i => $"26TGLOM{i:D9}").ToList(); // shape only: the index keys by any reference

        var load = Stopwatch.StartNew();
        var today = DateTimeOffset.UtcNow;
        await Stats.RunConcurrentlyAsync(references, concurrency, async reference =>
        {
            var i = int.Parse(reference.AsSpan(7), System.Globalization.CultureInfo.InvariantCulture);
            var now = today.AddDays(-(i % 90));
            var stored = await archive.StoreAsync(new ArchiveEntry(reference, 1, "IE050", $"m-{reference}", MessageDirection.Inbound, "TGLOM001", "BFCIN001", now, "Valid", record), CancellationToken.None);
            var e = EventHashChain.Seal(EventHashChain.Genesis, new MovementEvent(1, $"m-{reference}", "IE050", MessageDirection.Inbound, "TGLOM001", "BFCIN001",
                stored.Name, stored.Sha256, TransitStatus.ExpectedAtBorder, "bench", now));
            await index.CommitAsync(new MovementCommit(reference, null, TransitStatus.ExpectedAtBorder, "{}", new Dictionary<string, string> { ["OfficeOfDeparture"] = $"TGOFF{i % 20:D3}" }, [e],
                new DedupRecord($"m-{reference}", reference, stored.Sha256, 1, [])), CancellationToken.None);
        });
        load.Stop();

        var probes = Enumerable.Range(0, 50).Select(_ => references[Random.Shared.Next(size)]).ToList();
        var beforeLookups = requests is null ? null : await requests.SnapshotAsync();
        var (lookups, _) = await Stats.RunConcurrentlyAsync(probes, 1, r => index.GetAsync(r, CancellationToken.None));
        var beforeSearches = requests is null ? null : await requests.SnapshotAsync();
        var searchProbes = probes.Take(20).ToList();
        var found = 0;
        var (searches, _) = await Stats.RunConcurrentlyAsync(searchProbes, 1, async r =>
        {
            var hits = await archive.SearchAsync(new ArchiveQuery(MovementReference: r), CancellationToken.None);
            if (hits.Count == 1 && hits[0].MovementReference == r)
                found++;
        });
        var afterSearches = requests is null ? null : await requests.SnapshotAsync();

        var figures = new TableCorridorFigures(clients);
        var day = DateOnly.FromDateTime(today.UtcDateTime);
        var dashboards = Enumerable.Range(0, 20).ToList();
        CorridorDashboard? shown = null;
        var (reads, _) = await Stats.RunConcurrentlyAsync(dashboards, 1, async _ =>
            shown = CorridorDashboard.Build(await figures.ReadAsync(day.AddDays(1 - DashboardDays), day, CancellationToken.None), day, DashboardDays));
        var afterDashboards = requests is null ? null : await requests.SnapshotAsync();
        return new Point(size, load.Elapsed, Stats.Percentile(lookups, 50), Stats.Percentile(searches, 50),
            beforeLookups is null ? double.NaN : (double)beforeSearches!.Minus(beforeLookups).Total / probes.Count,
            beforeSearches is null ? double.NaN : (double)afterSearches!.Minus(beforeSearches).Total / searchProbes.Count, searchProbes.Count, found,
            Stats.Percentile(reads, 50), afterDashboards is null ? double.NaN : (double)afterDashboards.Minus(afterSearches!).Total / dashboards.Count,
            shown!.RowsRead, shown.Offices.Sum(o => o.Opened));
    }
}
