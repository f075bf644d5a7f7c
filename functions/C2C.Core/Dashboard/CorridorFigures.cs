using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>
/// What one committed step of a movement changes in the corridor figures (pure): the movement's office row moves it
/// from its previous status to its new one, the day's row counts what entered each status, the messages by type and
/// the refusals by code, the partner rows note the last message in and out, and an arrival or a write-off measures
/// its duration. Applied by the index right after the commit, so the figures follow the movements without a scan.
/// </summary>
/// <param name="nodeCountry">This node's country: a partner is any other (null: the other country of a message between two).</param>
public sealed class CorridorFigures(TimeSpan controlResultsWithin, string? nodeCountry = null)
{
    public static readonly CorridorFigures Default = new(CorridorPolicy.Default.ControlResultsWithin);

    /// <summary>Office row of movements without an office of departure (cargo consignments).</summary>
    public const string NoOffice = "none";

    public IReadOnlyList<FigureChange> Of(MovementCommit commit)
    {
        var changes = new List<FigureChange>();
        var at = commit.Events[^1].AppliedAt;
        var day = FigureRows.DayRow(DateOnly.FromDateTime(at.UtcDateTime));
        var office = new FigureRow(FigureRows.Office, OfficeOf(commit.Attributes));
        if (commit.ExpectedVersion is null)
        {
            changes.Add(FigureChange.Count(office, "Opened"));
            changes.Add(FigureChange.Count(day, "Opened"));
        }
        if (commit.PreviousStatus != commit.Status)
        {
            changes.Add(FigureChange.Count(office, commit.Status.Name));
            if (commit.PreviousStatus is { Name.Length: > 0 } previous)
                changes.Add(FigureChange.Count(office, previous.Name, -1));
            changes.Add(FigureChange.Count(day, "Entered_" + commit.Status));
            changes.AddRange(Durations(commit, at));
        }
        if (commit.RefusalCode is { Length: > 0 } code)
            changes.Add(FigureChange.Count(FigureRows.NackRow(DateOnly.FromDateTime(at.UtcDateTime)), "Nack_" + code));
        foreach (var e in commit.Events)
        {
            if (e.MessageType.Length == 0 || !char.IsAsciiLetter(e.MessageType[0]))
                continue;
            changes.Add(FigureChange.Count(day, (e.Direction == MessageDirection.Inbound ? "In_" : "Out_") + e.MessageType));
            if (PartnerOf(e) is { } partner)
            {
                var link = new FigureRow(FigureRows.Link, partner);
                var direction = e.Direction == MessageDirection.Inbound ? "In" : "Out";
                changes.Add(FigureChange.Latest(link, "Last" + direction, e.AppliedAt));
                changes.Add(FigureChange.Count(link, direction));
            }
        }
        return changes;
    }

    /// <summary>The office a movement is tabled under: its office of departure, which never changes.</summary>
    public static string OfficeOf(IReadOnlyDictionary<string, string> attributes) =>
        attributes.TryGetValue("OfficeOfDeparture", out var office) && office.Length > 0 && office.All(char.IsAsciiLetterOrDigit) ? office : NoOffice;

    /// <summary>The partner administration a message came from or went to; null for one within the country.</summary>
    private string? PartnerOf(MovementEvent e)
    {
        if (e.SenderOffice.Length < 2 || e.RecipientOffice.Length < 2)
            return null;
        var (own, other) = e.Direction == MessageDirection.Inbound ? (e.RecipientOffice[..2], e.SenderOffice[..2]) : (e.SenderOffice[..2], e.RecipientOffice[..2]);
        var partner = other.ToUpperInvariant();
        var foreign = !string.Equals(partner, nodeCountry ?? own, StringComparison.OrdinalIgnoreCase);
        return foreign && partner.All(char.IsAsciiLetter) ? partner : null;
    }

    /// <summary>A message the ingest refused (functional NACK): counted under its code on the day it was answered.</summary>
    public static IReadOnlyList<FigureChange> OfRefusal(Validation.Rejection rejection, DateTimeOffset at) =>
        rejection.Errors is [var first, ..] ? [FigureChange.Count(FigureRows.NackRow(DateOnly.FromDateTime(at.UtcDateTime)), "Nack_" + first.Code)] : [];

    private IEnumerable<FigureChange> Durations(MovementCommit commit, DateTimeOffset at)
    {
        if (commit.Attributes.TryGetValue("Family", out var family) && family == "Cargo" || commit.StateJson.Length == 0)
            return [];
        TransitState state;
        try
        {
            state = TransitStateSerializer.Deserialize(commit.StateJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return []; // not a transit state: nothing to measure
        }
        if (state is { Status: TransitStatus.Arrived or TransitStatus.ArrivedAtDestination, ArrivedAt: { } arrived, Facts: { } facts })
        {
            var limitEnds = new DateTimeOffset(facts.TimeLimit.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            return TransitDurations.Measure(TransitDurations.ReleaseToArrival, arrived - facts.ReleasedAt, limitEnds - facts.ReleasedAt);
        }
        if (state is { Status: TransitStatus.WrittenOff, ArrivedAt: { } arrivedBefore })
            return TransitDurations.Measure(TransitDurations.ArrivalToWriteOff, at - arrivedBefore, controlResultsWithin);
        return [];
    }
}
