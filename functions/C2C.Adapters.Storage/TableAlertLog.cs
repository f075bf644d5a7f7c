using Azure.Data.Tables;
using C2C.Core.Ports;

namespace C2C.Adapters.Storage;

/// <summary>
/// Alerts in the lookups table: one partition per day, one row per refused content and reason that day, so a delivery
/// retried until the broker dead-letters it stays one alert, while the same bytes refused for another reason (a
/// partner's certificate missing, then its message invalid) keep both. Reading the newest N walks back day by day (at most DaysKept).
/// </summary>
public sealed class TableAlertLog(StorageClients clients, TimeProvider clock) : IAlertLog
{
    /// <summary>How far back the console's alert list looks.</summary>
    public const int DaysKept = 31;

    private readonly TableClient _lookups = clients.Table(clients.Names.Lookups);

    public async Task RaiseAsync(OpsAlert alert, CancellationToken cancellationToken) =>
        await _lookups.UpsertEntityAsync(new TableEntity(Day(alert.At), RowKey(alert))
        {
            ["ContentSha256"] = alert.ContentSha256, ["At"] = alert.At, ["Kind"] = alert.Kind, ["SourceCountry"] = alert.SourceCountry, ["EnvelopeMessageId"] = alert.EnvelopeMessageId,
            ["Detail"] = alert.Detail, ["ArchiveName"] = alert.ArchiveName,
        }, TableUpdateMode.Replace, cancellationToken);

    public Task<IReadOnlyList<OpsAlert>> RecentAsync(int max, CancellationToken cancellationToken) =>
        DailyPartitions.NewestAsync(_lookups, "alert", clock.GetUtcNow(), DaysKept, max, e => new OpsAlert(e.GetDateTimeOffset("At") ?? default, e.GetString("Kind") ?? "",
                e.GetString("SourceCountry") ?? "", e.GetString("EnvelopeMessageId") ?? "", e.GetString("Detail") ?? "", e.GetString("ContentSha256") ?? e.RowKey, e.GetString("ArchiveName") ?? ""),
            day => day.OrderByDescending(a => a.At), cancellationToken);

    /// <summary>The reason is a dead-letter reason (letters only) but comes from code paths that may grow: kept key-safe.</summary>
    private static string RowKey(OpsAlert alert) =>
        $"{alert.ContentSha256}|{new string(alert.Kind.Where(char.IsAsciiLetterOrDigit).ToArray())}";

    private static string Day(DateTimeOffset at) => DailyPartitions.Day("alert", at);
}
