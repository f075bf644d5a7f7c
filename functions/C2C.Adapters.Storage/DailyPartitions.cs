using System.Globalization;
using Azure.Data.Tables;

namespace C2C.Adapters.Storage;

/// <summary>
/// Rows kept one partition per day ("{prefix}|yyyyMMdd") in the lookups table, as the alerts and the operations journal
/// are: written to today's partition, read newest first by walking back day by day.
/// </summary>
internal static class DailyPartitions
{
    public static string Day(string prefix, DateTimeOffset at) => $"{prefix}|{at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>Up to <paramref name="max"/> rows from today back <paramref name="daysKept"/> days, each day's rows in <paramref name="newestFirst"/> order.</summary>
    public static async Task<IReadOnlyList<T>> NewestAsync<T>(TableClient table, string prefix, DateTimeOffset today, int daysKept, int max,
        Func<TableEntity, T> read, Func<IEnumerable<T>, IEnumerable<T>> newestFirst, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        for (var back = 0; back < daysKept && rows.Count < max; back++)
        {
            var day = new List<T>();
            await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Day(prefix, today.AddDays(-back))}"), cancellationToken: cancellationToken))
                day.Add(read(e));
            rows.AddRange(newestFirst(day));
        }
        return rows.Take(max).ToList();
    }
}
