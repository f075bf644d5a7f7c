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
