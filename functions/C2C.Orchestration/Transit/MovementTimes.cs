using C2C.Core.Transit;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Transit;

/// <summary>How the orchestration itself waits (not customs rules: those are in <see cref="CorridorPolicy"/>).</summary>
/// <param name="StayOpenAfterClose">
/// How long a written-off or cancelled movement still answers in its orchestration (status requests, a late record
/// request, the same end told again). After that the orchestration completes; a later message opens it again from the index.
/// </param>
/// <param name="RetryPublishAfter">When a partner's broker still refuses after the activity's retries, the movement waits this long and tries again.</param>
public sealed record MovementTimes(TimeSpan StayOpenAfterClose, TimeSpan RetryPublishAfter)
{
    public static readonly MovementTimes Default = new(TimeSpan.FromDays(30), TimeSpan.FromMinutes(5));
}
