using C2C.Core.Exchange;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Cargo;

/// <summary>
/// What the cargo decider decided for one event: a refusal (nothing changes, the sender gets a functional NACK), or the
/// record's state after it with the messages to send and the line for its history.
/// </summary>
/// <param name="State">The state after the event; the current one when <paramref name="Changes"/> is false.</param>
/// <param name="Changes">False for an event that is kept in the history but changes nothing (a consignment matched before).</param>
public sealed record CargoDecision(CargoState? State, IReadOnlyList<TransitIntent> Intents, string History, MessageError? Rejection, bool Changes = true)
{
    public static CargoDecision Refused(MessageError error) => new(null, [], error.Reason, error, Changes: false);

    /// <summary>Whether an indexed record is a cargo record's (as <see cref="ToMovement"/> marks it), not a transit movement's.</summary>
    public static bool IsCargo(Ports.MovementRecord record) => record.Attributes.TryGetValue("Family", out var family) && family == "Cargo";

    /// <summary>
    /// The decision as the index keeps it: status, state JSON, and the attributes the console and auditors look cargo
    /// records up by (<c>Family</c> = Cargo, <c>Voyage</c>).
    /// </summary>
    public MovementDecision ToMovement()
    {
        if (Rejection is { } error)
            return MovementDecision.Rejected(error);
        var state = State ?? throw new InvalidOperationException("an accepted cargo decision has a state");
        var attributes = new Dictionary<string, string> { ["Family"] = "Cargo" };
        if (state.Voyage is { } voyage)
            attributes["Voyage"] = voyage;
        return new MovementDecision(state.Status, CargoStateSerializer.Serialize(state), attributes, Intents, [], [], History, null, Persist: Changes);
    }
}
