namespace C2C.Core.Guarantees;

/// <summary>One movement's use of a guarantee (keyed by MRN: reserving twice for one movement reserves once).</summary>
public sealed record Reservation(string Grn, string Mrn, decimal Amount, string Currency, ReservationStatus Status, DateTimeOffset ReservedAt, DateTimeOffset? EndedAt = null);
