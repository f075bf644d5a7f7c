namespace C2C.Core.Ports;

/// <summary>
/// The core's logging port: what the exchange decides about a delivery that an operator must be able to find in the
/// log (the pure core has no logging framework; the node implements this with source-generated log messages and
/// stable event ids). Every failure the core absorbs instead of throwing goes through here and into a metric.
/// </summary>
public interface IExchangeLog
{
    /// <summary>A partner's delivery given up: dead-lettered with its reason, archived under _refused/ and raised.</summary>
    void DeadLettered(string messageId, string sourceCountry, string reason, string detail);

    /// <summary>Handling failed on the delivery's content; it is retried up to a limit, then dead-lettered.</summary>
    void ContentFailed(string messageId, int deliveryCount, Exception exception);

    /// <summary>A refusal answered to a partner's country with a NACK.</summary>
    void NackSent(string nackType, string code, string destinationCountry, string? originalMessageId);

    /// <summary>Operations replayed or purged a dead-lettered delivery.</summary>
    void DeadLetterHandled(string action, string messageId, string family, string result, string by);
}
