using C2C.Core.Guarantees;
using C2C.Core.Validation;

namespace C2C.Core.Ports;

/// <summary>The answer to a reservation: the movement's reservation and the account after it, or why it was refused.</summary>
public sealed record ReservationResult(Reservation? Reservation, GuaranteeAccount? Account, MessageError? Refusal);
