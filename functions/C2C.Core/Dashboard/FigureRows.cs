using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace C2C.Core.Dashboard;

/// <summary>
/// The layout of the figures and how a step's changes are folded into a row, idempotently: a row remembers the last
/// <see cref="RememberedContributions"/> steps it counted, so a step applied again (an activity run twice, a recovery
/// after a crash between the index commit and the figures) is recognised and counts once.
/// </summary>
public static class FigureRows
{
    /// <summary>Rows per office of departure: movements now in each status, and how many were opened.</summary>
    public const string Office = "office";

    /// <summary>Rows per partner country: last message in and out, and how many.</summary>
    public const string Link = "link";

    /// <summary>Rows per measured duration: a histogram against the time limit.</summary>
    public const string Durations = "durations";

    /// <summary>The row of a day's partition (<see cref="Day"/>).</summary>
    public const string DayCounts = "counts";

    /// <summary>
    /// The day's refusals by code, a row of their own: a refusal is counted by the ingest that answered it and by the
    /// movement that recorded it, under one contribution id, and only this row may recognise it.
    /// </summary>
    public const string DayNacks = "nacks";

    /// <summary>Property holding the recent contributions (space-separated ids).</summary>
    public const string Applied = "Applied";

    /// <summary>A repeat comes within minutes (activity retry, visibility timeout): far fewer steps than this touch one row meanwhile.</summary>
    public const int RememberedContributions = 512;

    public static string Day(DateOnly day) => "day-" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static FigureRow DayRow(DateOnly day) => new(Day(day), DayCounts);

    public static FigureRow NackRow(DateOnly day) => new(Day(day), DayNacks);

    /// <summary>The contribution of a refused message, the same whoever counts it (the ingest's answer, the movement's record).</summary>
    public static string RefusalId(string movementReference, string messageId) => ContributionId(movementReference, "refused-" + messageId);

    /// <summary>A short, fixed-size id of a step (movement and step id): what a row remembers.</summary>
    public static string ContributionId(string movementReference, string stepId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(movementReference + "\n" + stepId)))[..12];

    /// <summary>
    /// Folds <paramref name="changes"/> (all for one row) into its properties. False, and nothing changed, when the row
    /// counted this contribution already.
    /// </summary>
    public static bool Apply(IDictionary<string, object> properties, IEnumerable<FigureChange> changes, string contributionId)
    {
        var applied = (properties.TryGetValue(Applied, out var a) ? a as string : null)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (applied.Contains(contributionId, StringComparer.Ordinal))
            return false;
        foreach (var change in changes)
        {
            properties.TryGetValue(change.Name, out var held);
            properties[change.Name] = change.Kind switch
            {
                FigureKind.Count => ToLong(held) + change.Add,
                _ => held is DateTimeOffset t && t >= change.At!.Value ? t : change.At!.Value,
            };
        }
        properties[Applied] = string.Join(' ', applied.Append(contributionId).TakeLast(RememberedContributions));
        return true;
    }

    /// <summary>A counter as stored (Table Storage hands back Int64 or Int32 depending on how it was written).</summary>
    public static long ToLong(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };
}
