namespace C2C.Core.Guarantees;

/// <summary>Where a movement's reservation against a guarantee stands.</summary>
public enum ReservationStatus
{
    /// <summary>Released: the amount at risk is held against the guarantee.</summary>
    Reserved,
    /// <summary>Written off or cancelled: the amount is given back.</summary>
    Returned,
    /// <summary>Enquiry ended unresolved: the amount stays held (recovery at departure) and the guarantee is flagged.</summary>
    Kept,
}
