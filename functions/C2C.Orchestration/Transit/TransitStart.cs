using C2C.Core.Transit;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Transit;

/// <summary>
/// The input of a transit movement's orchestration. Everything time-related comes in here, not from configuration
/// read inside the orchestrator: a movement keeps the rules it started with, and replay always sees the same ones.
/// </summary>
/// <param name="NodeCountry">This node's country: departure view for its own MRNs, receiving view otherwise.</param>
/// <param name="First">The message that started the movement here (carried in the start, so it cannot be lost as an event).</param>
/// <param name="StateJson">The indexed state when a movement whose orchestration had ended is opened again (a late message).</param>
public sealed record TransitStart(
    string Mrn,
    string NodeCountry,
    CorridorPolicy Policy,
    MovementTimes Times,
    MovementMessage? First,
    string? StateJson = null)
{
    public bool IsDeparture => Mrn.Substring(2, 2) == NodeCountry;
}

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
