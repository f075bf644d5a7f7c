using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Exchange;

/// <summary>A process manager for one family of movements (transit, SASEC cargo), in the exchange's terms.</summary>
public interface IMovementProcess
{
    bool Handles(ParsedMessage message);

    /// <summary>Whether a stored record is this process's (for its timers).</summary>
    bool Owns(MovementRecord record);

    MovementDecision Decide(string movementReference, MovementRecord? current, ParsedMessage message, MessageOrigin origin);

    /// <summary>A due timer; <paramref name="dueAt"/> is its due time (not the clock), so applying it twice decides the same.</summary>
    MovementDecision OnDeadline(MovementRecord current, string kind, DateTimeOffset dueAt);

    /// <summary>Builds the XML of a composed intent; <paramref name="declaration"/> is given when <see cref="NeedsDeclaration"/>.</summary>
    byte[] Compose(TransitIntent intent, string messageId, string movementReference, string? stateJsonAfter, ParsedMessage? declaration, DateTimeOffset now);

    bool NeedsDeclaration(TransitIntent intent);

    /// <summary>
    /// Events a due timer of <paramref name="current"/> applies to other records first (e.g. a vessel's arrival to each
    /// consignment on board). Each is applied once: its id derives from the timer's.
    /// </summary>
    IReadOnlyList<FollowUp> FollowUps(MovementRecord current, string kind) => [];

    /// <summary>Whether a partner's message that does not fit yet may still fit later (the movement is open, or its record may still come).</summary>
    bool MayWaitFor(string reference, MovementRecord? current) => false;
}

/// <summary>A node-internal event for another record; <see cref="Decide"/> gets that record (null if none yet) and may return null for "nothing to do".</summary>
public sealed record FollowUp(string Reference, string EventType, Func<MovementRecord?, MovementDecision?> Decide);
