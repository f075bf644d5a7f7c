using Microsoft.Extensions.Logging;

namespace C2C.Node;

/// <summary>
/// What the node tells operations, with stable event ids (11xx: node and HTTP; 12xx: the exchange, through the
/// core's <see cref="Core.Ports.IExchangeLog"/> port; 13xx: broker adapters; 14xx: dead-letter operations). Ids are
/// never reused: alerts and saved queries name them (a test checks they are unique across the solution).
/// </summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "{Method} {Path} failed: {Kind}")]
    public static partial void RequestFailed(this ILogger logger, string method, string path, string kind, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "{Header} ignored: the request did not come through the Functions host (only there does the platform front end set it)")]
    public static partial void ForwardedCertificateIgnored(this ILogger logger, string header);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "consuming {Topic}/{Subscription}")]
    public static partial void Consuming(this ILogger logger, string topic, string subscription);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "hand-off note without its message (handed over by an earlier try): nothing to do")]
    public static partial void HandOffNoteWithoutMessage(this ILogger logger);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Telemetry export: {Exporters}")]
    public static partial void TelemetryExport(this ILogger logger, string exporters);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "dead-lettered {MessageId} from {Source}: {Reason} {Description}")]
    public static partial void DeadLettered(this ILogger logger, string messageId, string source, string reason, string description);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "{MessageId}: handling failed on its content (delivery {DeliveryCount}); dead-lettered from delivery {Limit} on")]
    public static partial void ContentFailed(this ILogger logger, string messageId, int deliveryCount, int limit, Exception exception);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "{NackType} code {Code} sent to {Country} for {OriginalMessageId}")]
    public static partial void NackSent(this ILogger logger, string nackType, string code, string country, string? originalMessageId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void BrokerProblem(this ILogger logger, string problem, Exception? exception);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "{Problem}")]
    public static partial void BrokerAlert(this ILogger logger, string problem, Exception? exception);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Messaging:Provider None: {MessageType} {MessageId} for {Destination} archived, sent nowhere")]
    public static partial void NotSent(this ILogger logger, string messageType, string messageId, string destination);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "dead letter {Action} by {By}: {Family} {MessageId}: {Result}")]
    public static partial void DeadLetterHandled(this ILogger logger, string action, string by, string family, string messageId, string result);
}

/// <summary>The core's logging port on the node's log (category C2C.Exchange).</summary>
internal sealed class ExchangeLog(ILoggerFactory loggers) : Core.Ports.IExchangeLog
{
    private readonly ILogger _log = loggers.CreateLogger("C2C.Exchange");

    public void DeadLettered(string messageId, string sourceCountry, string reason, string detail) => _log.DeadLettered(messageId, sourceCountry, reason, detail);

    public void ContentFailed(string messageId, int deliveryCount, Exception exception) =>
        _log.ContentFailed(messageId, deliveryCount, Core.Exchange.InboundDeliveryHandler.ContentFailuresBeforeDeadLetter, exception);

    public void NackSent(string nackType, string code, string destinationCountry, string? originalMessageId) => _log.NackSent(nackType, code, destinationCountry, originalMessageId);

    public void DeadLetterHandled(string action, string messageId, string family, string result, string by) => _log.DeadLetterHandled(action, by, family, messageId, result);
}
