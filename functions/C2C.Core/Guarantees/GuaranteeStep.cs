using C2C.Core.Transit;

namespace C2C.Core.Guarantees;

/// <summary>What a step of a departure movement does to its guarantee.</summary>
public enum GuaranteeStep
{
    None,
    Reserve,
    Return,
    Keep,
}
