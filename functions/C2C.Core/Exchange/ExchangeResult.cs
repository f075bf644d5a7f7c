using C2C.Core.Validation;

namespace C2C.Core.Exchange;

/// <param name="NackSent">A refusal whose NACK the movement has already sent to the partner's topic (the caller must not send it again).</param>
public sealed record ExchangeResult(ExchangeOutcome Outcome, byte[] Response, string? MovementStatus, int? Sequence, Rejection? Rejection, bool NackSent = false);
