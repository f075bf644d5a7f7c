using C2C.Core.Exchange;
using C2C.Core.Dashboard;
using C2C.Core.Ports;
using C2C.Core.Transit;
using CsCheck;

namespace C2C.Core.Tests.Dashboard;

/// <summary>
/// The corridor figures a step changes, folded into rows as the Tables adapter does: the office gauges always equal
/// the movements in each status, whatever the order and however often a step is applied again.
/// </summary>
public sealed class CorridorFiguresTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Statuses = ["Released", "InTransit", "Arrived", "WrittenOff", "Overdue", "UnderEnquiry"];

    [Fact]
    public void Office_gauges_equal_the_movements_in_each_status_and_a_repeated_step_counts_once() =>
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, Statuses.Length - 1], Gen.Bool).Array[1, 60].Sample(steps =>
        {
            var rows = new Dictionary<FigureRow, Dictionary<string, object>>();
            var status = new Dictionary<int, string>();
            var applied = new List<(IReadOnlyList<FigureChange> Changes, string Id)>();
            for (var i = 0; i < steps.Length; i++)
            {
                var (movement, next, repeat) = steps[i];
                var commit = Commit($"MRN{movement}", status.GetValueOrDefault(movement), Statuses[next], Noon.AddMinutes(i), office: $"TGLOM{movement % 2}");
                status[movement] = Statuses[next];
                var changes = CorridorFigures.Default.Of(commit);
                var id = FigureRows.ContributionId(commit.MovementReference, commit.Dedup.MessageId);
                Fold(rows, changes, id);
                applied.Add((changes, id));
                if (repeat)
                {
                    var (again, againId) = applied[i / 2];
                    Fold(rows, again, againId); // an activity run again: nothing counts twice
                }
            }
            foreach (var s in Statuses)
            {
                var gauge = rows.Where(r => r.Key.Partition == FigureRows.Office).Sum(r => FigureRows.ToLong(r.Value.GetValueOrDefault(s)));
                if (gauge != status.Values.Count(v => v == s))
                    return false;
            }
            var opened = rows.Where(r => r.Key.Partition == FigureRows.Office).Sum(r => FigureRows.ToLong(r.Value.GetValueOrDefault("Opened")));
            return opened == status.Count;
        }, iter: 500);

    [Fact]
    public void A_row_remembers_a_bounded_number_of_steps()
    {
        var row = new Dictionary<string, object>();
        var change = FigureChange.Count(new FigureRow(FigureRows.Office, "TGLOM"), "Released");
        for (var i = 0; i < FigureRows.RememberedContributions + 50; i++)
            Assert.True(FigureRows.Apply(row, [change], FigureRows.ContributionId("m", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(FigureRows.RememberedContributions, ((string)row[FigureRows.Applied]).Split(' ').Length);
        Assert.Equal((long)FigureRows.RememberedContributions + 50, row["Released"]);
        Assert.False(FigureRows.Apply(row, [change], FigureRows.ContributionId("m", "299")));
    }

    [Fact]
    public void An_arrival_measures_release_to_arrival_against_the_time_limit_and_a_write_off_arrival_to_write_off()
    {
        var released = Noon.AddDays(-2);
        var facts = new RouteFacts("TGLOM001", "BFOUA001", [new RouteOffice("BFCIN001", "EXIT"), new RouteOffice("BFOUA001", RouteOffice.Destination)],
            DateOnly.FromDateTime(released.UtcDateTime.AddDays(1)), released, null);
        var arrived = new TransitState { Mrn = "M", Role = TransitRole.Departure, Status = TransitStatus.Arrived, Facts = facts, ArrivedAt = Noon };
        var arrival = CorridorFigures.Default.Of(Commit("M", "InTransit", "Arrived", Noon, state: arrived));
        var ra = arrival.Where(c => c.Row == new FigureRow(FigureRows.Durations, TransitDurations.ReleaseToArrival)).ToList();
        // limit: from release to the end of the day after it (36 h); the truck took 48 h
        Assert.Contains(ra, c => c.Name == "OverLimit");
        Assert.Contains(ra, c => c.Name == "Seconds" && c.Add == (long)TimeSpan.FromDays(2).TotalSeconds);
        Assert.Contains(ra, c => c.Name == TransitDurations.BucketName(TransitDurations.BucketOf(TimeSpan.FromDays(2), TimeSpan.FromHours(36))));

        var writeOff = new CorridorFigures(TimeSpan.FromDays(6)).Of(Commit("M", "Arrived", "WrittenOff", Noon.AddDays(3), state: arrived with { Status = TransitStatus.WrittenOff }));
        var aw = writeOff.Where(c => c.Row == new FigureRow(FigureRows.Durations, TransitDurations.ArrivalToWriteOff)).ToList();
        Assert.Contains(aw, c => c.Name == TransitDurations.BucketName(4)); // 3 of 6 days: 50 %, in the 50–75 % bucket
        Assert.DoesNotContain(aw, c => c.Name == "OverLimit");
        Assert.DoesNotContain(writeOff, c => c.Row.Row == TransitDurations.ReleaseToArrival);
    }

    [Fact]
    public void Messages_between_two_countries_mark_the_partner_link_and_a_refusal_counts_its_code()
    {
        var commit = Commit("M", "Released", "Released", Noon, refusal: "12",
            events: [Event(1, "IE118", MessageDirection.Inbound, "BFCIN001", "TGLOM001", Noon), Event(2, "IE118", MessageDirection.Outbound, "TGLOM001", "TGLOM001", Noon),
                Event(3, "IE050", MessageDirection.Outbound, "TGLOM001", "BFOUA001", Noon.AddSeconds(1))]);
        var changes = CorridorFigures.Default.Of(commit);
        var link = new FigureRow(FigureRows.Link, "BF");
        Assert.Contains(changes, c => c.Row == link && c.Name == "LastIn" && c.At == Noon);
        Assert.Contains(changes, c => c.Row == link && c.Name == "LastOut" && c.At == Noon.AddSeconds(1));
        Assert.DoesNotContain(changes, c => c.Row == new FigureRow(FigureRows.Link, "TG"));
        Assert.Contains(changes, c => c.Row.Row == FigureRows.DayNacks && c.Name == "Nack_12");
        Assert.DoesNotContain(changes, c => c.Row.Partition == FigureRows.Office); // no status change, not new
    }

    [Fact]
    public void A_refusal_answered_by_the_ingest_and_recorded_by_its_movement_counts_once()
    {
        var recorded = Commit("M", "Released", "Released", Noon, refusal: "91") with { Dedup = new DedupRecord("refused-X1", "M", "", 2, []) };
        var rejection = C2C.Core.Validation.Rejection.Of(new C2C.Core.Validation.MessageError("91", "MRN M was already released.", "/TransitDeclaration/MRN"));
        var rows = new Dictionary<FigureRow, Dictionary<string, object>>();
        Fold(rows, CorridorFigures.OfRefusal(rejection, Noon), FigureRows.RefusalId("M", "X1"));
        Fold(rows, CorridorFigures.Default.Of(recorded), FigureRows.ContributionId("M", recorded.Dedup.MessageId));
        Assert.Equal(1L, rows[FigureRows.NackRow(DateOnly.FromDateTime(Noon.UtcDateTime))]["Nack_91"]);
        Assert.Equal(1L, rows[FigureRows.DayRow(DateOnly.FromDateTime(Noon.UtcDateTime))]["In_IE015"]); // the rest of the step still counts
    }

    [Fact]
    public void With_the_node_country_known_a_declaration_addressed_abroad_is_no_partner_message()
    {
        var declaration = Commit("M", null, "Released", Noon, events: [Event(1, "IE015", MessageDirection.Inbound, "TGLOM001", "BFOUA001", Noon)]);
        Assert.DoesNotContain(new CorridorFigures(TimeSpan.FromDays(6), "TG").Of(declaration), c => c.Row.Partition == FigureRows.Link);
    }

    [Fact]
    public void Latest_keeps_the_later_time_whatever_the_order()
    {
        var row = new Dictionary<string, object>();
        var link = new FigureRow(FigureRows.Link, "BF");
        FigureRows.Apply(row, [FigureChange.Latest(link, "LastIn", Noon)], "a");
        FigureRows.Apply(row, [FigureChange.Latest(link, "LastIn", Noon.AddHours(-1))], "b");
        Assert.Equal(Noon, row["LastIn"]);
    }

    internal static MovementCommit Commit(string mrn, string? previous, string status, DateTimeOffset at, string office = "TGLOM001", TransitState? state = null,
        string? refusal = null, IReadOnlyList<MovementEvent>? events = null) =>
        new(mrn, previous is null ? null : "etag", MovementStatus.Parse(status), state is null ? "" : TransitStateSerializer.Serialize(state),
            new Dictionary<string, string> { ["OfficeOfDeparture"] = office }, events ?? [Event(1, "IE015", MessageDirection.Inbound, office, office, at)],
            new DedupRecord($"{mrn}-{status}-{at:O}", mrn, "", 1, []), previous is null ? null : MovementStatus.Parse(previous), refusal);

    internal static MovementEvent Event(int sequence, string type, MessageDirection direction, string from, string to, DateTimeOffset at) =>
        new(sequence, $"id-{sequence}", type, direction, from, to, "", "", MovementStatus.None, "", at);

    private static void Fold(Dictionary<FigureRow, Dictionary<string, object>> rows, IReadOnlyList<FigureChange> changes, string id)
    {
        foreach (var group in changes.GroupBy(c => c.Row))
        {
            if (!rows.TryGetValue(group.Key, out var row))
                rows[group.Key] = row = [];
            FigureRows.Apply(row, group, id);
        }
    }
}
