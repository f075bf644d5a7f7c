using C2C.Core.Messages;
using C2C.Core.Transit;

namespace C2C.Core.Exchange;

/// <summary>
/// The movement side of ingest: one validated, authenticated message applied to its movement exactly once, answered
/// with a receipt, the receipt it had (a repeat), a functional NACK, or "held". HTTP ingest and the bus consumers
/// call it; the durable engine implements it (one orchestration per movement).
/// </summary>
public interface IMovementExchange
{
    /// <param name="holdIfEarly">
    /// For deliveries from a partner's topic: a message that comes before the one it follows is held for its movement
    /// instead of refused. Over HTTP the caller sees each answer before it sends the next, so it is refused at once.
    /// </param>
    Task<ExchangeResult> AcceptAsync(ParsedMessage message, MessageOrigin origin, string signatureStatus, CancellationToken cancellationToken, bool holdIfEarly = false);
}
