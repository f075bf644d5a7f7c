using C2C.Core.Validation;

namespace C2C.Core.Guarantees;

/// <summary>Why a reservation is refused: named in the NACK's reason, so the declarant's system can tell them apart.</summary>
public enum GuaranteeRefusal
{
    Unknown,
    WrongKind,
    NotYetValid,
    Expired,
    NotValidForCountry,
    WrongCurrency,
    AlreadyUsed,
    InsufficientBalance,
}
