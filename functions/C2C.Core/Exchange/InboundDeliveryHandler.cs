using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Exchange;

/// <summary>
/// One message from a partner node's topic: signature first (before anything is parsed for meaning), then
/// validation, then the exchange. Structural or functional refusals are answered with a NACK to the sender's country;
/// a bad signature is dead-lettered with its reason; an infrastructure failure is abandoned so the broker redelivers.
/// The same code serves the standalone consumers and the Functions Service Bus triggers.
/// </summary>
public sealed class InboundDeliveryHandler(NodeContext node, ISignatureVerifier verifier, IMessageSigner signer, MessageValidator validator, MessageExchange exchange,
    IMessageArchive archive, IMessagePublisher? publisher)
{
    public async Task<DeliveryOutcome> HandleAsync(BusDelivery delivery, CancellationToken cancellationToken)
    {
        using var trace = TraceContext.ContinueFrom("C2C.Inbound", delivery.Message.TraceParent, delivery.Message.TraceState);
        var raw = delivery.Message.Body;
        var source = delivery.Message.SourceCountry;
        if (source == node.Country)
            return DeliveryOutcome.DeadLetter("WrongDirection", $"a message from {source} on {node.Country}'s own topic");
        // The signature is checked first: nothing of an unauthenticated message is interpreted.
        var signature = verifier.VerifyFromCountry(raw.Span, source);
        if (!signature.IsValid)
            return DeliveryOutcome.DeadLetter("InvalidSignature", signature.Status);
        var result = validator.Validate(raw);
        if (result.Message is not { } message)
        {
            // Authentic but invalid: the sender gets its XML NACK, ops keep the message in the dead-letter queue.
            var rejection = result.Rejection!;
            var recipient = rejection.Header?.SenderOffice is { Length: 8 } office && office[..2] == source ? office : NodeOffices.Gateway(source);
            var nack = Composition.AcknowledgementComposer.Nack(rejection, Composition.MessageIds.Derive(node.Country, "nack", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(raw.Span))),
                node.GatewayOffice, recipient, DateTimeOffset.UtcNow);
            await SendNackAsync(nack, rejection, rejection.Header?.MessageId, source, delivery, cancellationToken);
            var errors = string.Join("; ", rejection.Errors.Select(e => $"{e.Code} {e.Pointer}: {e.Reason}"));
            return DeliveryOutcome.DeadLetter("InvalidMessage", errors.Length > 1000 ? errors[..1000] : errors);
        }
        if (message.Header.SenderOffice[..2] != source)
            return DeliveryOutcome.DeadLetter("WrongSender", $"signed by {source} but sent for office {message.Header.SenderOffice}");

        var outcome = await exchange.AcceptAsync(message, MessageOrigin.Partner, signature.Status, cancellationToken);
        if (outcome.Outcome == ExchangeOutcome.Rejected && message.Kind.Family != MessageFamily.Control)
            await SendNackAsync(outcome.Response, outcome.Rejection!, message.Header.MessageId, source, delivery, cancellationToken);
        return DeliveryOutcome.Complete;
    }

    /// <summary>Answers a refusal across the border; never a NACK to a NACK (no ping-pong).</summary>
    private async Task SendNackAsync(byte[] nack, Rejection rejection, string? originalId, string country, BusDelivery delivery, CancellationToken cancellationToken)
    {
        if (publisher is null || rejection.Header?.MessageType is "IE906" or "IE917")
            return;
        var signed = signer.Sign(nack);
        var id = NackId(nack);
        // Archived like every outbound message, outside the movement's history (sequence 0): a refusal changes nothing.
        await archive.StoreAsync(new ArchiveEntry(rejection.MovementReference ?? "", 0, rejection.NackKind.Code, id, MessageDirection.Outbound,
            node.GatewayOffice, NodeOffices.Gateway(country), DateTimeOffset.UtcNow, "Signed", signed), cancellationToken);
        await publisher.PublishAsync(new BusMessage(id, originalId, rejection.NackKind.Code, MessageFamily.Control,
            node.Country, country, signed, delivery.Message.TraceParent), cancellationToken);
    }

    private static string NackId(byte[] nack)
    {
        var marker = "<MessageId>"u8;
        var start = nack.AsSpan().IndexOf(marker) + marker.Length;
        var end = nack.AsSpan(start).IndexOf("<"u8);
        return System.Text.Encoding.UTF8.GetString(nack, start, end);
    }
}
