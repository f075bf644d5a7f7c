using C2C.Core.Validation;

namespace C2C.Core.Guarantees;

/// <summary>The outcome of asking to reserve: the account after it, or a refusal with its functional NACK.</summary>
public sealed record ReservationDecision(GuaranteeAccount? Account, GuaranteeRefusal? Refusal, MessageError? Error)
{
    public bool IsReserved => Refusal is null;
}
