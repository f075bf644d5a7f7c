using Microsoft.Extensions.Logging;

namespace C2C.Orchestration;

/// <summary>What the movement orchestrations tell operations, with stable event ids. Logged through the replay-safe logger: once per step, not once per replay.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "{Instance}: {Trigger} recorded, {Status}: {History}")]
    public static partial void StepRecorded(this ILogger logger, string instance, string trigger, string status, string history);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "{Instance}: {MessageType} {MessageId} held ({Reason})")]
    public static partial void MessageHeld(this ILogger logger, string instance, string messageType, string messageId, string reason);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "{Instance}: {MessageType} {MessageId} refused, {Code}: {Reason}")]
    public static partial void MessageRefused(this ILogger logger, string instance, string messageType, string messageId, string code, string reason);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "{Instance}: vessel's arrival recorded by its {Consignments} consignment(s) after {Rounds} round(s) of delivery")]
    public static partial void ArrivalDelivered(this ILogger logger, string instance, int consignments, int rounds);
}
