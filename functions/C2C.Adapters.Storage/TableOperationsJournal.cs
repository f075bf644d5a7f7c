using Azure.Data.Tables;
using C2C.Core.Ports;

namespace C2C.Adapters.Storage;

/// <summary>
/// The operations journal in the lookups table, beside the alerts: one partition per day, one row per action, newest
/// first within the day (inverted ticks), never updated. Reading the newest N walks back day by day (at most DaysKept).
/// </summary>
public sealed class TableOperationsJournal(StorageClients clients, TimeProvider clock) : IOperationsJournal
{
    public const int DaysKept = 90;

    private readonly TableClient _lookups = clients.Table(clients.Names.Lookups);

    public async Task RecordAsync(OpsAction action, CancellationToken cancellationToken) =>
        await _lookups.AddEntityAsync(new TableEntity(Day(action.At), $"{DateTimeOffset.MaxValue.Ticks - action.At.UtcTicks:D19}|{Guid.NewGuid():N}")
        {
            ["At"] = action.At, ["By"] = action.By, ["Action"] = action.Action, ["Family"] = action.Family, ["MessageId"] = action.MessageId,
            ["ContentSha256"] = action.ContentSha256, ["Result"] = action.Result.Length > 4000 ? action.Result[..4000] : action.Result,
        }, cancellationToken);

    /// <remarks>Row keys are inverted ticks: a day's rows come newest first as stored.</remarks>
    public Task<IReadOnlyList<OpsAction>> RecentAsync(int max, CancellationToken cancellationToken) =>
        DailyPartitions.NewestAsync(_lookups, "journal", clock.GetUtcNow(), DaysKept, max, e => new OpsAction(e.GetDateTimeOffset("At") ?? default, e.GetString("By") ?? "",
                e.GetString("Action") ?? "", e.GetString("Family") ?? "", e.GetString("MessageId") ?? "", e.GetString("ContentSha256") ?? "", e.GetString("Result") ?? ""),
            day => day, cancellationToken);

    private static string Day(DateTimeOffset at) => DailyPartitions.Day("journal", at);
}
