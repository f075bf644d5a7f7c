using C2C.Core.Transit;
using C2C.Core.Exchange;
using Azure;
using Azure.Data.Tables;
using C2C.Adapters.Storage;
using C2C.Core.Archive;
using C2C.Core.Dashboard;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Integration.Tests.Storage;

/// <summary>
/// The corridor figures on Azurite, kept by the movement index as it commits: they follow the movements, two index
/// instances writing at once lose nothing (ETag), a step applied again (or recovered after a crash between the commit
/// and the figures) counts once, and the dashboard's read takes only the rows of its window.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class TableCorridorFiguresTests(LocalStack stack)
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = DateOnly.FromDateTime(At.UtcDateTime);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Figures_follow_the_commits_and_two_writers_at_once_lose_nothing()
    {
        var clients = await StorageFixture.NewNodeAsync(stack);
        var (first, second) = (new TableMovementIndex(clients), new TableMovementIndex(clients)); // two workers: two caches
        var mrns = Enumerable.Range(0, 24).Select(_ => NewMrn()).ToList();
        await Task.WhenAll(mrns.Select((mrn, i) => OpenAsync(i % 2 == 0 ? first : second, mrn)));
        await Task.WhenAll(mrns.Take(10).Select((mrn, i) => MoveAsync(i % 2 == 0 ? second : first, mrn, "Released", "InTransit")));

        var d = CorridorDashboard.Build(await new TableCorridorFigures(clients).ReadAsync(Day.AddDays(-13), Day, _ct), Day, 14);
        var office = d.Offices.Single();
        Assert.Equal(("TGLOM001", 24L), (office.Office, office.Opened));
        Assert.Equal(14, office.Now.ByStatus["Released"]);
        Assert.Equal(10, office.Now.ByStatus["InTransit"]);
        Assert.Equal(24, d.Now.InTransit);
        Assert.Equal(24, d.TodayFigures.Entered["Released"]);
        Assert.Equal(24, d.PerDay[^1].Declarations);
        Assert.Equal(24, d.Links.Single(l => l.Partner == "BF").Out);
    }

    [Fact]
    public async Task A_step_recovered_after_a_crash_counts_once()
    {
        var clients = await StorageFixture.NewNodeAsync(stack);
        var index = new TableMovementIndex(clients);
        var figures = new TableCorridorFigures(clients);
        var movements = clients.Table(clients.Names.Movements);

        // Crash after the figures, before the dedup row was cleared: the next run finds them pending, the rows remember the step.
        var mrn = NewMrn();
        await OpenAsync(index, mrn);
        await movements.UpdateEntityAsync(new TableEntity(mrn, $"msg-{mrn}-015") { ["FiguresPending"] = true }, ETag.All, TableUpdateMode.Merge, _ct);
        Assert.NotNull((await new TableMovementIndex(clients).LoadAsync(mrn, $"{mrn}-015", _ct)).Seen);
        Assert.Equal(1, await ReleasedAsync(figures));

        // Crash before the figures (their table away): the commit stands, the figures come with the next run of the step.
        var late = NewMrn();
        await clients.Tables.DeleteTableAsync(clients.Names.Figures, _ct);
        await Assert.ThrowsAsync<RequestFailedException>(() => OpenAsync(new TableMovementIndex(clients), late));
        await clients.Tables.CreateTableIfNotExistsAsync(clients.Names.Figures, _ct);
        Assert.Equal(0, await ReleasedAsync(figures));
        var retried = new TableMovementIndex(clients);
        Assert.NotNull((await retried.LoadAsync(late, $"{late}-015", _ct)).Seen);
        Assert.Equal(1, await ReleasedAsync(figures));
        Assert.NotNull((await retried.LoadAsync(late, $"{late}-015", _ct)).Seen); // no longer pending: nothing more
        Assert.Equal(1, await ReleasedAsync(figures));
    }

    [Fact]
    public async Task The_read_takes_only_the_days_of_its_window()
    {
        var clients = await StorageFixture.NewNodeAsync(stack);
        var figures = new TableCorridorFigures(clients);
        for (var back = 0; back < 40; back++)
            await figures.ApplyAsync([FigureChange.Count(FigureRows.DayRow(Day.AddDays(-back)), "Opened")], $"d{back}", _ct);
        await figures.ApplyAsync([FigureChange.Count(new FigureRow(FigureRows.Office, "TGLOM001"), "Released")], "o", _ct);
        var rows = await figures.ReadAsync(Day.AddDays(-6), Day, _ct);
        Assert.Equal(8, rows.Count); // seven days and the office
        Assert.Equal(7, CorridorDashboard.Build(rows, Day, 7).Week.Opened);
    }

    private async Task<long> ReleasedAsync(TableCorridorFigures figures)
    {
        var rows = await figures.ReadAsync(Day, Day, _ct);
        return rows.Where(r => r.Row.Partition == FigureRows.Office).Sum(r => FigureRows.ToLong(r.Values.GetValueOrDefault("Released")));
    }

    private async Task OpenAsync(TableMovementIndex index, string mrn)
    {
        var id = $"{mrn}-015";
        await index.LoadAsync(mrn, id, _ct);
        var released = Seal(EventHashChain.Genesis, 1, id, "IE015", MessageDirection.Inbound, "TGLOM001", "TGLOM001", "Released");
        var record = Seal(released.Hash, 2, $"{mrn}-050", "IE050", MessageDirection.Outbound, "TGLOM001", "BFCIN001", "Released");
        var outcome = await index.CommitAsync(new MovementCommit(mrn, null, TransitStatus.Released, "", Attributes, [released, record], Dedup(mrn, id, 1)), _ct);
        Assert.Equal(CommitOutcome.Committed, outcome);
    }

    private async Task MoveAsync(TableMovementIndex index, string mrn, string from, string to)
    {
        var id = $"{mrn}-118";
        var (current, _) = await index.LoadAsync(mrn, id, _ct);
        var passage = Seal(current!.HeadHash, 3, id, "IE118", MessageDirection.Inbound, "BFCIN001", "TGLOM001", to);
        Assert.Equal(CommitOutcome.Committed, await index.CommitAsync(new MovementCommit(mrn, current.Version, MovementStatus.Parse(to), "", Attributes, [passage], Dedup(mrn, id, 3), MovementStatus.Parse(from)), _ct));
    }

    private static readonly Dictionary<string, string> Attributes = new() { ["OfficeOfDeparture"] = "TGLOM001" };

    private static DedupRecord Dedup(string mrn, string id, int sequence) => new(id, mrn, "", sequence, []);

    private static MovementEvent Seal(string previous, int sequence, string id, string type, MessageDirection direction, string from, string to, string status) =>
        EventHashChain.Seal(previous, new MovementEvent(sequence, id, type, direction, from, to, "", "", MovementStatus.Parse(status), type, At.AddMinutes(sequence)));

    private static string NewMrn() => "M" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
}
