using System.Globalization;
using System.Text.RegularExpressions;

namespace C2C.Testing;

/// <summary>The sample messages of schemas/samples (one per message type, one Lomé → Ouagadougou movement).</summary>
public static partial class Samples
{
    /// <summary>The MRN of the samples' movement as the files have it (released in 2026).</summary>
    private const string FileMrn = "26TGLOM000000142J4";

    /// <summary>
    /// The samples' MRN once the movement is moved to today (<see cref="Text"/>): it carries the year of its release,
    /// as NCTS requires (the year the declaration was accepted), so the samples stay valid past the new year.
    /// </summary>
    public static string Mrn => C2C.Core.Identifiers.Mrn.Create(LiveReleaseDay.Year % 100, "TG", FileMrn[4..16]).ToString();

    private static DateOnly LiveReleaseDay => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-DaysSinceRelease);

    /// <summary>The day the samples' movement is released (their IE015's ReleaseDateTime).</summary>
    public static readonly DateOnly ReleaseDay = new(2026, 11, 24);

    /// <summary>
    /// A sample as live traffic: its dates moved so that the release was four days ago (UTC), so the journey's reports
    /// (up to three days after release) lie in the past and its time limit (seven days) ahead. Nodes apply time limits
    /// against the real clock: the samples' fixed dates would make every movement overdue once they are past.
    /// </summary>
    public static byte[] Bytes(string name) => System.Text.Encoding.UTF8.GetBytes(Text(name));

    public static string Text(string name) =>
        Rebase(File.ReadAllText(Path.Combine(RepoPaths.Samples, name + ".xml")), LiveReleaseDay).Replace(FileMrn, Mrn, StringComparison.Ordinal);

    /// <summary>How long ago the samples' movement was released, once moved to today (<see cref="Text"/>).</summary>
    public const int DaysSinceRelease = 4;

    /// <summary>Every calendar date in <paramref name="xml"/> moved by the same number of days, so the sample's release falls on <paramref name="releaseDay"/>.</summary>
    public static string Rebase(string xml, DateOnly releaseDay)
    {
        var days = releaseDay.DayNumber - ReleaseDay.DayNumber;
        return days == 0 ? xml : IsoDate().Replace(xml, m =>
            DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A sample rewritten for another movement: its MRN replaced and its message id made unique, so several
    /// movements can run side by side (the header's MessageId stays within the schema's 35 characters). Without a tag,
    /// the MRN after its year and country (unique among one country's movements of a year) makes the ids unique.
    /// </summary>
    public static byte[] ForMovement(string name, string mrn) => ForMovement(name, mrn, mrn[4..]);

    public static byte[] ForMovement(string name, string mrn, string tag) =>
        System.Text.Encoding.UTF8.GetBytes(Regex.Replace(Text(name).Replace(Mrn, mrn, StringComparison.Ordinal),
            "<MessageId>([^<]*)</MessageId>", m => $"<MessageId>{Shorten(m.Groups[1].Value, tag)}</MessageId>"));

    /// <summary>A fresh MRN of a Lomé declaration this year: each test its own movement.</summary>
    public static string NewMrn() =>
        C2C.Core.Identifiers.Mrn.Create(DateTime.UtcNow.Year % 100, "TG", "LOM" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture)).ToString();

    /// <summary>The sample declaration for <paramref name="mrn"/> released <paramref name="daysAgo"/> days ago with a time limit a day later, already past.</summary>
    public static byte[] OverdueDeclaration(string mrn, int daysAgo = 3)
    {
        var text = System.Text.Encoding.UTF8.GetString(ForMovement("IE015-TransitDeclaration", mrn));
        var release = DateTime.UtcNow.Date.AddDays(-daysAgo);
        text = Regex.Replace(text, "<ReleaseDateTime>[^<]*</ReleaseDateTime>", $"<ReleaseDateTime>{release:yyyy-MM-dd}T08:00:00Z</ReleaseDateTime>");
        text = Regex.Replace(text, "<TimeLimit>[^<]*</TimeLimit>", $"<TimeLimit>{release.AddDays(1):yyyy-MM-dd}</TimeLimit>");
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The sample declaration for <paramref name="mrn"/> lodged without a release time: accepted, amendable (IE013) until released (IE029).</summary>
    public static byte[] LodgedDeclaration(string mrn) =>
        System.Text.Encoding.UTF8.GetBytes(Regex.Replace(System.Text.Encoding.UTF8.GetString(ForMovement("IE015-TransitDeclaration", mrn)), @"\s*<ReleaseDateTime>[^<]*</ReleaseDateTime>", ""));

    private static string Shorten(string id, string tag)
    {
        var combined = $"{id}-{tag}";
        return combined.Length <= 35 ? combined : combined[^35..];
    }

    [GeneratedRegex(@"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])")]
    private static partial Regex IsoDate();
}
