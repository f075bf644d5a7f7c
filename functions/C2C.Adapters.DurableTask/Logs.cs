using Microsoft.Extensions.Logging;

namespace C2C.Adapters.DurableTask;

/// <summary>What the local durable engine tells operations, with stable event ids.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1701, Level = LogLevel.Information,
        Message = "Task hub {TaskHub}: {Purged} finished movements started before {Cutoff:u} purged ({Calls} purge calls){More}")]
    private static partial void Purged(this ILogger logger, string taskHub, int purged, DateTimeOffset cutoff, int calls, string more);

    public static void Purged(this ILogger logger, string taskHub, int purged, DateTimeOffset cutoff, int calls, bool more) =>
        logger.Purged(taskHub, purged, cutoff, calls, more ? "; older ones remain, for the next pass" : "");

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Task hub {TaskHub}: purge of finished movements failed; the next pass tries again")]
    public static partial void PurgeFailed(this ILogger logger, string taskHub, Exception exception);
}
