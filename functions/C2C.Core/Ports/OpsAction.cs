using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>What operations did with a dead-lettered delivery, kept for the record (who, when, what, with which result).</summary>
public sealed record OpsAction(DateTimeOffset At, string By, string Action, string Family, string MessageId, string ContentSha256, string Result);
