using C2C.Core.Guarantees;

namespace C2C.Core.Documents;

/// <summary>The guarantee as the document prints it: what the declaration names and, at departure, what was reserved.</summary>
public sealed record DocumentGuarantee(string Grn, string TypeCode, decimal AmountToBeCovered, string Currency, ReservationStatus? Reservation, decimal? AmountReserved);
