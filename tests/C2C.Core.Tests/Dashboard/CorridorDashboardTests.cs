using C2C.Core.Dashboard;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Tests.Dashboard;

public sealed class CorridorDashboardTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void The_dashboard_sums_offices_into_groups_and_days_into_today_and_the_week()
    {
        FigureValues[] rows =
        [
            new(new FigureRow(FigureRows.Office, "TGLOM001"), new Dictionary<string, object?> { ["Opened"] = 5L, ["Released"] = 2L, ["InTransit"] = 1L, ["Overdue"] = 1L, ["WrittenOff"] = 1L }),
            new(new FigureRow(FigureRows.Office, "TGKPA001"), new Dictionary<string, object?> { ["Opened"] = 1L, ["UnderEnquiry"] = 1L, ["Released"] = 0L }),
            new(FigureRows.DayRow(Today), new Dictionary<string, object?> { ["Opened"] = 2L, ["In_IE015"] = 2L, ["Entered_Released"] = 2L, ["Nack_12"] = 1L }),
            new(FigureRows.DayRow(Today.AddDays(-6)), new Dictionary<string, object?> { ["Opened"] = 3L, ["Nack_12"] = 2L, ["Nack_90"] = 1L }),
            new(FigureRows.DayRow(Today.AddDays(-7)), new Dictionary<string, object?> { ["Opened"] = 1L }),
            new(new FigureRow(FigureRows.Link, "BF"), new Dictionary<string, object?> { ["LastIn"] = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), ["In"] = 4L }),
            new(new FigureRow(FigureRows.Durations, TransitDurations.ReleaseToArrival), new Dictionary<string, object?> { ["B0"] = 3L, ["B7"] = 1L, ["Count"] = 4L, ["Seconds"] = 400L, ["OverLimit"] = 1L }),
        ];
        var d = CorridorDashboard.Build(rows, Today, 14);
        Assert.Equal((3, 1, 1, 6), (d.Now.InTransit, d.Now.Overdue, d.Now.UnderEnquiry, d.Now.Total));
        Assert.False(d.Offices.Single(o => o.Office == "TGKPA001").Now.ByStatus.ContainsKey("Released")); // zeros left out
        Assert.Equal((2, 2), (d.TodayFigures.Opened, d.TodayFigures.Declarations));
        Assert.Equal(5, d.Week.Opened); // today and six days back, not seven
        Assert.Equal(3, d.Week.Nacks["12"]);
        Assert.Equal(14, d.PerDay.Count);
        Assert.Equal(Today, d.PerDay[^1].Day);
        Assert.Equal(4, d.NacksByCode["12"] + d.NacksByCode["90"]);
        var ra = d.Durations.Single(x => x.Name == TransitDurations.ReleaseToArrival);
        Assert.Equal((4, 100.0, 1), (ra.Count, ra.MeanSeconds!.Value, ra.OverLimit));
        Assert.Equal(TransitDurations.BucketPercents.Length + 1, ra.Buckets.Count);
        Assert.Null(d.Durations.Single(x => x.Name == TransitDurations.ArrivalToWriteOff).MeanSeconds);
        Assert.Equal("BF", d.Links.Single().Partner);
        Assert.Equal(rows.Length, d.RowsRead);
    }

    [Fact]
    public void Buckets_cover_every_share_of_the_limit()
    {
        Assert.Equal(0, TransitDurations.BucketOf(TimeSpan.Zero, TimeSpan.FromDays(1)));
        Assert.Equal(5, TransitDurations.BucketOf(TimeSpan.FromHours(23), TimeSpan.FromDays(1)));
        Assert.Equal(6, TransitDurations.BucketOf(TimeSpan.FromHours(24), TimeSpan.FromDays(1)));
        Assert.Equal(7, TransitDurations.BucketOf(TimeSpan.FromDays(5), TimeSpan.FromDays(1)));
        Assert.Equal(7, TransitDurations.BucketOf(TimeSpan.FromSeconds(1), TimeSpan.Zero));
    }
}
