using C2C.Core.Cargo;
using C2C.Core.Exchange;
using C2C.Orchestration.Transit;

namespace C2C.Orchestration.Cargo;

/// <summary>
/// What a cargo record's orchestration remembers between events: the decider's state and the ids it took. Pure and
/// deterministic (time comes in as an argument). No holds: a partner's cargo message the decider refuses can never
/// fit later (a PA002 follows a PA001 this node recorded before sending it; a PA001 after the vessel came is late for
/// good), so it is refused at once, as the table exchange does.
/// </summary>
public sealed class CargoJourney(CargoStart start, DateTimeOffset startedAt) : IMovementJourney
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Since when nothing is expected (closed, or no record at all): the orchestration completes <see cref="MovementTimes.StayOpenAfterClose"/> later.</summary>
    private DateTimeOffset? _quietSince = IsQuiet(Indexed(start)) ? startedAt : null;

    public CargoState? State { get; private set; } = Indexed(start);

    public MovementStatus Status => State is { } state ? state.Status : MovementStatus.Recorded;

    /// <summary>Already applied or refused here: an event handed over twice (the ingest or a voyage delivering again) changes nothing twice.</summary>
    public bool AlreadyHas(string messageId) => _taken.Contains(messageId);

    public CargoDecision Decide(CargoEvent e) => CargoDecider.Decide(start.Reference, start.NodeCountry, State, e);

    public void Apply(CargoDecision decision, string triggerId, DateTimeOffset now)
    {
        _taken.Add(triggerId);
        if (decision.Changes)
            State = decision.State;
        _quietSince = IsQuiet(State) ? _quietSince ?? now : null;
    }

    /// <summary>A refused message is taken too: the same message again gets no second NACK.</summary>
    public void Refused(string messageId) => _taken.Add(messageId);

    public Wake? NextWake() => _quietSince is { } quiet ? new Wake(quiet + start.Times.StayOpenAfterClose, WakeReason.Close) : null;

    public MovementProgress Progress() => new(Status.Name, 0, NextWake()?.At);

    public bool IsOver(DateTimeOffset now) => _quietSince is { } quiet && now >= quiet + start.Times.StayOpenAfterClose;

    private static CargoState? Indexed(CargoStart start) => start.StateJson is { } json ? CargoStateSerializer.Deserialize(json) : null;

    private static bool IsQuiet(CargoState? state) => state is null || CargoDecider.IsClosed(state.Status);
}
