using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>A dead-lettered delivery as the broker keeps it: the message with its envelope, and why it was given up.</summary>
/// <param name="Readable">False when the envelope itself was unreadable (no family or sender): replaying it cannot help, purge it.</param>
public sealed record DeadLetter(BusMessage Message, string Reason, string Description, DateTimeOffset? EnqueuedAt, bool Readable = true);
