namespace C2C.Core.Dashboard;

/// <summary>
/// The two durations the corridor is judged by, each against its own limit: release to arrival (the movement's time
/// limit for transit) and arrival to write-off (the time the destination has for its control results). Counted into
/// buckets of the share of the limit used, so movements with different limits land on one scale.
/// </summary>
public static class TransitDurations
{
    public const string ReleaseToArrival = "ReleaseToArrival";

    public const string ArrivalToWriteOff = "ArrivalToWriteOff";

    /// <summary>Upper bounds of the buckets, in percent of the limit (the last bucket is open).</summary>
    public static readonly int[] BucketPercents = [1, 10, 25, 50, 75, 100, 150];

    public static string BucketName(int index) => "B" + index;

    public static int BucketOf(TimeSpan duration, TimeSpan limit)
    {
        var percent = limit <= TimeSpan.Zero ? double.PositiveInfinity : 100 * duration.TotalSeconds / limit.TotalSeconds;
        var index = Array.FindIndex(BucketPercents, bound => percent < bound);
        return index < 0 ? BucketPercents.Length : index;
    }

    /// <summary>The changes one measured duration makes to its histogram row.</summary>
    public static IEnumerable<FigureChange> Measure(string name, TimeSpan duration, TimeSpan limit)
    {
        var row = new FigureRow(FigureRows.Durations, name);
        var clamped = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
        yield return FigureChange.Count(row, BucketName(BucketOf(clamped, limit)));
        yield return FigureChange.Count(row, "Count");
        yield return FigureChange.Count(row, "Seconds", (long)clamped.TotalSeconds);
        if (clamped > limit)
            yield return FigureChange.Count(row, "OverLimit");
    }
}
