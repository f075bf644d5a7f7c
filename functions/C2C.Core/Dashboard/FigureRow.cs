namespace C2C.Core.Dashboard;

/// <summary>
/// One row of the corridor figures (an entity of the figures table): all the counters one dashboard tile needs, so a
/// step touches a handful of rows and the dashboard reads a bounded number of them whatever the archive's size.
/// </summary>
/// <param name="Partition">The kind of row: <see cref="FigureRows.Office"/>, a day, <see cref="FigureRows.Link"/>, <see cref="FigureRows.Durations"/>.</param>
/// <param name="Row">Which one: an office, <see cref="FigureRows.DayCounts"/>, a partner country, a duration.</param>
public readonly record struct FigureRow(string Partition, string Row);
