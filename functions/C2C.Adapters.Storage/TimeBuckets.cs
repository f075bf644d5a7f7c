using System.Globalization;

namespace C2C.Adapters.Storage;

/// <summary>Deadline partitions by due minute: a sweep reads partitions up to "now" and nothing else.</summary>
internal static class TimeBuckets
{
    public static string Of(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
