namespace C2C.Core.Dashboard;

/// <summary>
/// One row of the corridor figures (an entity of the figures table): all the counters one dashboard tile needs, so a
/// step touches a handful of rows and the dashboard reads a bounded number of them whatever the archive's size.
/// </summary>
/// <param name="Partition">The kind of row: <see cref="FigureRows.Office"/>, a day, <see cref="FigureRows.Link"/>, <see cref="FigureRows.Durations"/>.</param>
/// <param name="Row">Which one: an office, <see cref="FigureRows.DayCounts"/>, a partner country, a duration.</param>
public readonly record struct FigureRow(string Partition, string Row);

/// <summary>How a change combines with what the row holds.</summary>
public enum FigureKind
{
    /// <summary>Adds <see cref="FigureChange.Add"/> (negative for a movement leaving a status).</summary>
    Count,

    /// <summary>Keeps the later of the held time and <see cref="FigureChange.At"/> (idempotent by itself).</summary>
    Latest,
}

/// <summary>One counter of one row changed by one step of a movement.</summary>
public sealed record FigureChange(FigureRow Row, string Name, FigureKind Kind, long Add, DateTimeOffset? At = null)
{
    public static FigureChange Count(FigureRow row, string name, long add = 1) => new(row, name, FigureKind.Count, add);

    public static FigureChange Latest(FigureRow row, string name, DateTimeOffset at) => new(row, name, FigureKind.Latest, 0, at);
}
