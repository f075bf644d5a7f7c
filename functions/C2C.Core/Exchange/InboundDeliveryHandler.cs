using C2C.Core.Messages;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Core.Telemetry;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Exchange;

/// <summary>
/// One message from a partner node's topic: signature first (before anything is parsed for meaning), then
/// validation, then who sent it to whom (the signing administration owns the sender office, the recipient office is
/// ours), then the exchange. Structural or functional refusals are answered with a NACK to the sender's country;
/// a bad signature is dead-lettered with its reason; an infrastructure failure is abandoned so the broker redelivers.
/// Every refusal is archived as received (with the signature verdict) and raised as an alert for operations.
/// The same code serves the standalone consumers and the Functions Service Bus triggers.
/// </summary>
public sealed class InboundDeliveryHandler(NodeContext node, PartnerRegistry registry, ISignatureVerifier verifier, IMessageSigner signer, MessageValidator validator, IMovementExchange exchange,
    IMessageArchive archive, RefusedMessages refused, IMessagePublisher? publisher, IExchangeLog? log = null)
{
    private readonly IExchangeLog _log = log ?? NoExchangeLog.Instance;

    /// <summary>
    /// A delivery whose handling failed this often with an error of its content (not of storage or the broker) is
    /// given up: dead-lettered with its reason and raised, instead of being tried until the broker's delivery limit
    /// drops it silently.
    /// </summary>
    public const int ContentFailuresBeforeDeadLetter = 3;

    /// <param name="channel">What brought it, for the metrics: "broker", or "replay" when operations replay a dead-lettered delivery.</param>
    public async Task<DeliveryOutcome> HandleAsync(BusDelivery delivery, CancellationToken cancellationToken, string channel = "broker")
    {
        using var span = TraceContext.ContinueFrom("c2c.receive", delivery.Message.TraceParent, delivery.Message.TraceState);
        span.SetTag("messaging.message.id", delivery.Message.MessageId);
        span.SetTag("c2c.message.type", delivery.Message.MessageType);
        span.SetTag("c2c.source", delivery.Message.SourceCountry);
        span.SetTag("c2c.channel", channel);
        var result = "abandoned";
        try
        {
            var outcome = await HandleOnceAsync(delivery, cancellationToken);
            result = Result(outcome);
            return outcome;
        }
        catch (Exception e) when (IsContentFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            _log.ContentFailed(delivery.Message.MessageId, delivery.DeliveryCount, e);
            span.Failed(e);
            if (delivery.DeliveryCount < ContentFailuresBeforeDeadLetter)
                throw;
            var outcome = await RefuseAsync(delivery, "NotVerified", "ProcessingFailed",
                $"failed {delivery.DeliveryCount} times on its content: {e.GetType().Name}: {e.Message}", cancellationToken);
            result = Result(outcome);
            return outcome;
        }
        catch (Exception e)
        {
            span.Failed(e);
            throw;
        }
        finally
        {
            span.SetTag("c2c.result", result);
            ExchangeTelemetry.MessagesIn.Add(1, new("channel", channel), new("type", delivery.Message.MessageType), new("result", result));
        }
    }

    private static string Result(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.CompleteOutcome => "completed",
        DeliveryOutcome.DeadLetterOutcome => "deadlettered",
        _ => "abandoned",
    };

    /// <summary>
    /// Errors that the same bytes would raise again however often they are tried. Storage and broker failures are not
    /// among them (they abandon the delivery, which comes back after a pause), nor is a movement still concurrently
    /// updated (InvalidOperationException), which heals.
    /// </summary>
    private static bool IsContentFailure(Exception e) =>
        e is System.Xml.XmlException or FormatException or ArgumentException or OverflowException or InvalidCastException
            or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException or System.Text.Json.JsonException;

    private async Task<DeliveryOutcome> HandleOnceAsync(BusDelivery delivery, CancellationToken cancellationToken)
    {
        var raw = delivery.Message.Body;
        var source = delivery.Message.SourceCountry;
        if (source == node.Country)
            return await RefuseAsync(delivery, "NotVerified", "WrongDirection", $"a message from {source} on {node.Country}'s own topic", cancellationToken);
        // The signature is checked first: nothing of an unauthenticated message is interpreted.
        SignatureCheck signature;
        using (ExchangeTelemetry.Span("c2c.signature.verify"))
            signature = verifier.VerifyFromCountry(raw.Span, source);
        if (!signature.IsValid)
            return await RefuseAsync(delivery, signature.Description, "InvalidSignature", signature.Description, cancellationToken);
        ValidationResult result;
        using (ExchangeTelemetry.Span("c2c.xml.validate"))
            result = validator.Validate(raw);
        if (result.Message is not { } message)
        {
            // Authentic but invalid: the sender gets its XML NACK, ops keep the message in the dead-letter queue.
            var rejection = result.Rejection!;
            var recipient = rejection.Header?.SenderOffice is { Length: 8 } office && office[..2] == source ? office : NodeOffices.Gateway(source);
            var nack = Outbound.AcknowledgementComposer.Nack(rejection, Outbound.MessageIds.Derive(node.Country, "nack", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(raw.Span))),
                node.GatewayOffice, recipient, DateTimeOffset.UtcNow);
            await SendNackAsync(nack, rejection, rejection.Header?.MessageId, source, delivery, cancellationToken);
            var errors = RefusedMessages.Describe(rejection);
            return await RefuseAsync(delivery, signature.Description, "InvalidMessage", errors.Length > 1000 ? errors[..1000] : errors, cancellationToken);
        }
        if (WrongSender(message.Header.SenderOffice, source, signature.SignedBy) is { } wrongSender)
            return await RefuseAsync(delivery, signature.Description, "WrongSender", wrongSender, cancellationToken);
        if (!registry.IsOwnOffice(message.Header.RecipientOffice))
            return await RefuseAsync(delivery, signature.Description, "WrongRecipient", $"recipient office {message.Header.RecipientOffice} is not served by {node.Country}'s node", cancellationToken);
        if (OfficeAssertions.Check(message, registry) is { } wrongOffice)
        {
            // Authentic, but it speaks for another administration's office: the sender hears why, ops keep it.
            var refusal = FunctionalRefusal.Of(node, message, wrongOffice, DateTimeOffset.UtcNow);
            await SendNackAsync(refusal.Response, refusal.Rejection!, message.Header.MessageId, source, delivery, cancellationToken);
            return await RefuseAsync(delivery, signature.Description, "WrongOffice", wrongOffice.Reason, cancellationToken);
        }

        // Held (it came before the message it follows): no answer now; applied later, or refused when its hold ends.
        var outcome = await exchange.AcceptAsync(message, MessageOrigin.Partner, signature.Description, cancellationToken, holdIfEarly: true);
        if (outcome.Outcome == ExchangeOutcome.Rejected && message.Kind.Family != MessageFamily.Control)
        {
            // Applied nowhere, so kept here: archived as received and raised, beside the NACK the sender gets.
            await refused.RecordAsync(raw, source, message.Header.MessageId, signature.Description, RefusedMessages.ReasonOf(outcome.Rejection!),
                RefusedMessages.Describe(outcome.Rejection!), cancellationToken);
            if (!outcome.NackSent)
                await SendNackAsync(outcome.Response, outcome.Rejection!, message.Header.MessageId, source, delivery, cancellationToken);
        }
        return DeliveryOutcome.Complete;
    }

    /// <summary>Dead-letters a delivery once it is archived as received and raised as an alert; should storage fail, the broker redelivers.</summary>
    private async Task<DeliveryOutcome> RefuseAsync(BusDelivery delivery, string signatureStatus, string reason, string detail, CancellationToken cancellationToken)
    {
        await refused.RecordAsync(delivery.Message.Body, delivery.Message.SourceCountry, delivery.Message.MessageId, signatureStatus, reason, detail, cancellationToken);
        _log.DeadLettered(delivery.Message.MessageId, delivery.Message.SourceCountry, reason, detail);
        ExchangeTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>("reason", reason));
        return DeliveryOutcome.DeadLetter(reason, detail);
    }

    /// <summary>
    /// An administration speaks for its own offices only: the one whose certificate verified the message must own
    /// the sender office; its node's technical office ({CC}C2C000, receipts and NACKs) belongs to every administration of CC.
    /// </summary>
    private string? WrongSender(string senderOffice, string source, string? signedBy)
    {
        if (senderOffice == NodeOffices.Gateway(source))
            return null;
        return registry.FindOfficeOwner(senderOffice) switch
        {
            null => $"signed by '{signedBy}' ({source}) for office {senderOffice}, which no registered administration owns",
            { } owner when owner.Country != source || !owner.Has(PartnerRole.Partner) => $"signed by '{signedBy}' ({source}) for office {senderOffice} of '{owner.Id}' ({owner.Country})",
            { } owner when owner.Id != signedBy => $"signed by '{signedBy}' for office {senderOffice}, which belongs to '{owner.Id}'",
            _ => null,
        };
    }

    /// <summary>Answers a refusal across the border; never a NACK to a NACK (no ping-pong).</summary>
    private async Task SendNackAsync(byte[] nack, Rejection rejection, string? originalId, string country, BusDelivery delivery, CancellationToken cancellationToken)
    {
        if (publisher is null || rejection.Header?.MessageType is MessageCodes.FunctionalNack or MessageCodes.XmlNack)
            return;
        var signed = signer.Sign(nack);
        var id = NackId(nack);
        // Archived like every outbound message, outside the movement's history (sequence 0): a refusal changes nothing.
        await archive.StoreAsync(new ArchiveEntry(rejection.MovementReference ?? "", 0, rejection.NackKind.Code, id, MessageDirection.Outbound,
            node.GatewayOffice, NodeOffices.Gateway(country), DateTimeOffset.UtcNow, nameof(SignatureVerdict.Signed), signed), cancellationToken);
        await publisher.PublishAsync(new BusMessage(id, originalId, rejection.NackKind.Code, MessageFamily.Control,
            node.Country, country, signed, TraceContext.TraceParent ?? delivery.Message.TraceParent), cancellationToken);
        ExchangeTelemetry.CountNack(rejection);
        _log.NackSent(rejection.NackKind.Code, rejection.FirstCode, country, originalId);
    }

    private static string NackId(byte[] nack)
    {
        var marker = "<MessageId>"u8;
        var start = nack.AsSpan().IndexOf(marker) + marker.Length;
        var end = nack.AsSpan(start).IndexOf("<"u8);
        return System.Text.Encoding.UTF8.GetString(nack, start, end);
    }
}
