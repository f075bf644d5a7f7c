using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Transit;

/// <param name="Kind">For <see cref="WakeReason.Deadline"/>: one of <see cref="DeadlineKinds"/>.</param>
public sealed record Wake(DateTimeOffset At, WakeReason Reason, string? Kind = null);
