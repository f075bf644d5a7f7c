using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Transit;

/// <summary>
/// What a transit movement's orchestration remembers between events: the decider's state, the deadlines it set, the
/// messages it holds, the message ids it took. Pure and deterministic (time always comes in as an argument), so the
/// orchestrator rebuilds exactly the same journey on every replay.
/// </summary>
public sealed class TransitJourney(TransitStart start, DateTimeOffset startedAt) : IMovementJourney
{
    /// <summary>A movement holds at most this many messages; more are refused at once (a partner gone wrong, not a late message).</summary>
    public const int MaxHeld = 16;

    private readonly SortedDictionary<string, DateTimeOffset> _deadlines = new(StringComparer.Ordinal);
    private readonly List<HeldDelivery> _held = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private DateTimeOffset? _quietSince = start.StateJson is null ? startedAt : null;

    public TransitState? State { get; private set; } = start.StateJson is { } json ? TransitStateSerializer.Deserialize(json) : null;

    public IReadOnlyList<HeldDelivery> Held => _held;

    public IReadOnlyDictionary<string, DateTimeOffset> Deadlines => _deadlines;

    public MovementStatus Status => State is { } state ? state.Status : MovementStatus.Recorded;

    /// <summary>Already applied, refused or held here: a message handed over twice (the ingest retried) changes nothing twice.</summary>
    public bool AlreadyHas(string messageId) => _taken.Contains(messageId) || _held.Any(h => h.Message.MessageId == messageId);

    public TransitDecision Decide(TransitEvent e) =>
        start.IsDeparture ? DepartureDecider.Decide(start.Mrn, State, e, start.Policy) : ReceivingDecider.Decide(start.Mrn, State, e);

    /// <param name="dueAt">The timer's own due time: the next deadlines follow from it, as NCTS counts.</param>
    public TransitDecision OnDeadline(string kind, DateTimeOffset dueAt)
    {
        _deadlines.Remove(kind);
        // Deadlines come only from a decision that made a state; without one there is nothing to time out.
        return State is null ? new TransitDecision(null, [], [], [], "", null) : DepartureDecider.OnDeadline(State, kind, start.Policy, dueAt);
    }

    /// <summary>Takes the decision in: the new state, the deadlines set and cleared ("due at once" means <paramref name="now"/>).</summary>
    public void Apply(TransitDecision decision, string triggerId, DateTimeOffset now)
    {
        _taken.Add(triggerId);
        if (decision.State is { } next)
            State = next;
        foreach (var kind in decision.ClearDeadlines)
            _deadlines.Remove(kind);
        foreach (var deadline in decision.SetDeadlines)
            _deadlines[deadline.Kind] = deadline.DueBy(now);
        _quietSince = State is null || State.IsTerminal ? _quietSince ?? now : null;
    }

    /// <summary>A refused message is taken too: the same message again gets no second NACK.</summary>
    public void Refused(string messageId) => _taken.Add(messageId);

    /// <summary>Only sequence refusals of a partner's message can heal: the message that comes first may still arrive.</summary>
    public bool MayHold(MovementMessage message, MessageError error) =>
        error.Code is ErrorCodes.OutOfSequence or ErrorCodes.UnknownMrn
        && message.FromPartner
        && message.FromTopic
        && MessageCatalog.FindByCode(message.MessageType)?.Family != MessageFamily.Control
        && _held.Count < MaxHeld
        && (State is null ? !start.IsDeparture : !State.IsTerminal);

    public void Hold(MovementMessage message, MessageError error, DateTimeOffset now) => _held.Add(new HeldDelivery(message, now, error.Reason, error.Code));

    /// <summary>The oldest held message that fits now, taken out of the hold; null if none does.</summary>
    public (HeldDelivery Held, TransitDecision Decision)? TakeFirstThatFits()
    {
        foreach (var held in _held)
        {
            var decision = Decide(held.Message.ReadEvent());
            if (decision.Rejection is null)
            {
                _held.Remove(held);
                return (held, decision);
            }
        }
        return null;
    }

    /// <summary>Held messages whose hold is over at <paramref name="now"/>, taken out (they get their NACK).</summary>
    public IReadOnlyList<HeldDelivery> TakeEndedHolds(DateTimeOffset now)
    {
        var ended = _held.Where(h => HoldEnd(h) <= now).ToList();
        _held.RemoveAll(ended.Contains);
        foreach (var h in ended)
            _taken.Add(h.Message.MessageId);
        return ended;
    }

    /// <summary>The earliest thing to wake up for, or null when only a message can move the journey on.</summary>
    public Wake? NextWake()
    {
        var wakes = _deadlines.Select(d => new Wake(d.Value, WakeReason.Deadline, d.Key))
            .Concat(_held.Select(h => new Wake(HoldEnd(h), WakeReason.HoldEnds)));
        if (_quietSince is { } quiet && _held.Count == 0 && _deadlines.Count == 0)
            wakes = wakes.Append(new Wake(quiet + start.Times.StayOpenAfterClose, WakeReason.Close));
        return wakes.OrderBy(w => w.At).ThenBy(w => w.Kind, StringComparer.Ordinal).FirstOrDefault();
    }

    public MovementProgress Progress() => new(Status.Name, _held.Count, NextWake()?.At);

    /// <summary>Closed (or never opened) long enough, nothing held, no deadline: the orchestration may complete.</summary>
    public bool IsOver(DateTimeOffset now) =>
        _quietSince is { } quiet && _held.Count == 0 && _deadlines.Count == 0 && now >= quiet + start.Times.StayOpenAfterClose;

    /// <summary>A message about a movement with no record here yet waits for the record a shorter while than one that is only early.</summary>
    private DateTimeOffset HoldEnd(HeldDelivery held) =>
        held.HeldAt + (held.Code == ErrorCodes.UnknownMrn ? start.Policy.HoldUnknownMovementFor : start.Policy.HoldEarlyMessagesFor);
}
