namespace C2C.Core.Ports;

/// <summary>A timer of the process manager: at DueAt, the movement is told "Kind is due".</summary>
public sealed record Deadline(string MovementReference, string Kind, DateTimeOffset DueAt);
