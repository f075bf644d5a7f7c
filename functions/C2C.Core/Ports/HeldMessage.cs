namespace C2C.Core.Ports;

/// <summary>
/// A partner's message that came before the one it follows (control results before the arrival advice, a
/// cancellation before the record it cancels), as a redelivery or consumers working side by side can make happen.
/// Kept in the movement's state row, tried again after every change of the movement, and refused with a NACK only if
/// it still does not fit when its hold ends: never dropped, never applied out of order.
/// </summary>
/// <param name="ArchiveName">The original as received (archived when held), to be read and applied later.</param>
/// <param name="Reason">Why it did not fit when it came (the refusal it would have got).</param>
/// <param name="Code">That refusal's code: 90 (no record of the movement yet) is held for a shorter time than 92 (absent in rows held before it was kept).</param>
public sealed record HeldMessage(string MessageId, string MessageType, string ArchiveName, string SignatureStatus, DateTimeOffset HeldAt, string Reason, string? Code = null);
