namespace C2C.Orchestration;

/// <summary>
/// A movement orchestration's custom status, for operations: the movement's status, how many partner messages it holds
/// (came before the one they follow), and when it next wakes up by itself (a deadline, the end of a hold, its close).
/// Not a history event: changing what it shows changes nothing for movements in flight.
/// </summary>
public sealed record MovementProgress(string Status, int Held, DateTimeOffset? NextWake);
