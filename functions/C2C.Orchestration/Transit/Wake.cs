using C2C.Core.Transit;

namespace C2C.Orchestration.Transit;

/// <param name="Kind">For <see cref="WakeReason.Deadline"/>: one of <see cref="DeadlineKinds"/>.</param>
public sealed record Wake(DateTimeOffset At, WakeReason Reason, string? Kind = null);
