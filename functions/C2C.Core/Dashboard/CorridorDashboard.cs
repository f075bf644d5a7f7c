using System.Globalization;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>The dashboard of one node as the page draws it, built from the figure rows (pure).</summary>
public sealed record CorridorDashboard(
    DateOnly Today,
    StatusFigures Now,
    PeriodFigures TodayFigures,
    PeriodFigures Week,
    IReadOnlyList<DayFigures> PerDay,
    IReadOnlyDictionary<string, long> NacksByCode,
    IReadOnlyList<DurationFigures> Durations,
    IReadOnlyList<OfficeFigures> Offices,
    IReadOnlyList<LinkFigures> Links,
    int RowsRead)
{
    /// <summary>Statuses of a movement under way: departure's view (released, crossed a border) and a receiving node's.</summary>
    public static readonly string[] InTransitStatuses =
        [nameof(TransitStatus.Released), nameof(TransitStatus.InTransit), nameof(TransitStatus.ExpectedAtBorder), nameof(TransitStatus.ExpectedAtDestination), nameof(TransitStatus.CrossedBorder)];

    public static CorridorDashboard Build(IReadOnlyList<FigureValues> rows, DateOnly today, int days)
    {
        var offices = rows.Where(r => r.Row.Partition == FigureRows.Office)
            .Select(r => new OfficeFigures(r.Row.Row, Long(r, "Opened"), StatusFigures.Of(Counters(r, name => name is not "Opened"))))
            .OrderBy(o => o.Office, StringComparer.Ordinal).ToList();
        var now = StatusFigures.Of(offices.SelectMany(o => o.Now.ByStatus).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));
        var dayRows = rows.Where(r => r.Row.Partition.StartsWith("day-", StringComparison.Ordinal)).GroupBy(r => r.Row.Partition)
            .ToDictionary(g => g.Key, g => new FigureValues(new FigureRow(g.Key, FigureRows.DayCounts), g.SelectMany(r => r.Values).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)));
        var perDay = Enumerable.Range(0, days).Select(back => today.AddDays(back - days + 1)).Select(day =>
        {
            var row = dayRows.GetValueOrDefault(FigureRows.Day(day));
            return new DayFigures(day, row is null ? 0 : Long(row, "Opened"), row is null ? 0 : Long(row, "In_IE015"),
                row is null ? new Dictionary<string, long>() : Prefixed(row, "Entered_"), row is null ? new Dictionary<string, long>() : Prefixed(row, "Nack_"),
                row is null ? new Dictionary<string, long>() : Prefixed(row, "In_"), row is null ? new Dictionary<string, long>() : Prefixed(row, "Out_"));
        }).ToList();
        var durations = new[] { TransitDurations.ReleaseToArrival, TransitDurations.ArrivalToWriteOff }.Select(name =>
        {
            var row = rows.FirstOrDefault(r => r.Row == new FigureRow(FigureRows.Durations, name));
            var buckets = Enumerable.Range(0, TransitDurations.BucketPercents.Length + 1)
                .Select(i => new DurationBucket(BucketLabel(i), row is null ? 0 : Long(row, TransitDurations.BucketName(i)))).ToList();
            var count = row is null ? 0 : Long(row, "Count");
            return new DurationFigures(name, buckets, count, count == 0 ? null : Long(row!, "Seconds") / (double)count, row is null ? 0 : Long(row, "OverLimit"));
        }).ToList();
        var links = rows.Where(r => r.Row.Partition == FigureRows.Link)
            .Select(r => new LinkFigures(r.Row.Row, Time(r, "LastIn"), Time(r, "LastOut"), Long(r, "In"), Long(r, "Out")))
            .OrderBy(l => l.Partner, StringComparer.Ordinal).ToList();
        return new CorridorDashboard(today, now, PeriodFigures.Of(perDay.TakeLast(1)), PeriodFigures.Of(perDay.TakeLast(7)), perDay,
            Sum(perDay.Select(d => d.Nacks)), durations, offices, links, rows.Count);
    }

    private static string BucketLabel(int index)
    {
        var bounds = TransitDurations.BucketPercents;
        return index == 0 ? $"<{bounds[0]}%" : index == bounds.Length ? $"≥{bounds[^1]}%" : $"{bounds[index - 1]}–{bounds[index]}%";
    }

    private static long Long(FigureValues row, string name) => FigureRows.ToLong(row.Values.GetValueOrDefault(name));

    private static DateTimeOffset? Time(FigureValues row, string name) => row.Values.GetValueOrDefault(name) as DateTimeOffset?;

    private static Dictionary<string, long> Counters(FigureValues row, Func<string, bool> which) =>
        row.Values.Where(p => p.Key != FigureRows.Applied && which(p.Key) && p.Value is long or int)
            .ToDictionary(p => p.Key, p => FigureRows.ToLong(p.Value), StringComparer.Ordinal);

    private static Dictionary<string, long> Prefixed(FigureValues row, string prefix) =>
        Counters(row, name => name.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);

    internal static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> counters) =>
        counters.SelectMany(c => c).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    public static string DayLabel(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
