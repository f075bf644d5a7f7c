using C2C.Core.Outbound;
using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Exchange;

/// <summary>A message refused with a functional NACK (IE906) to its sender office, nothing stored.</summary>
public static class FunctionalRefusal
{
    /// <summary>The NACK's id comes from the message's id and bytes, so a redelivered copy gets the same NACK.</summary>
    public static ExchangeResult Of(NodeContext node, ParsedMessage message, MessageError error, DateTimeOffset now)
    {
        var rejection = new Rejection([error], message.Header, message.MovementReference);
        var nack = AcknowledgementComposer.Nack(rejection, MessageIds.Derive(node.Country, "nack", message.Header.MessageId, message.Sha256),
            node.GatewayOffice, message.Header.SenderOffice, now);
        return new ExchangeResult(ExchangeOutcome.Rejected, nack, null, null, rejection);
    }

    /// <summary>The same message id again with other bytes (code 26, answered 409 over HTTP).</summary>
    public static MessageError ConflictingDuplicate(ParsedMessage message, string where) =>
        new(ErrorCodes.DuplicateDetected, $"MessageId {message.Header.MessageId} was already received with different content ({where}).",
            $"/{message.Kind.RootElement}/Header/MessageId", message.Header.MessageId);
}
