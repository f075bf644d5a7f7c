using C2C.Core.Validation;

namespace C2C.Core.Exchange;

public enum ExchangeOutcome
{
    /// <summary>Applied, archived and indexed; Response is the receipt (IE928).</summary>
    Accepted,
    /// <summary>The same message again: Response is the receipt it got the first time.</summary>
    Duplicate,
    /// <summary>Refused by the process manager or as a conflicting duplicate; Response is the NACK (IE906).</summary>
    Rejected,
    /// <summary>A partner's message that came before the one it follows: held for its movement (no answer yet).</summary>
    Held,
}
