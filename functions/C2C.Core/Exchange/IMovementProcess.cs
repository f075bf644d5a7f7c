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

    MovementDecision OnDeadline(MovementRecord current, string kind, DateTimeOffset now);

    /// <summary>Builds the XML of a composed intent; <paramref name="declaration"/> is given when <see cref="NeedsDeclaration"/>.</summary>
    byte[] Compose(TransitIntent intent, string messageId, string movementReference, string? stateJsonAfter, ParsedMessage? declaration, DateTimeOffset now);

    bool NeedsDeclaration(TransitIntent intent);

    /// <summary>
    /// Events a due timer of <paramref name="current"/> applies to other records first (e.g. a vessel's arrival to each
    /// consignment on board). Each is applied once: its id derives from the timer's.
    /// </summary>
    IReadOnlyList<FollowUp> FollowUps(MovementRecord current, string kind) => [];
}

/// <summary>A node-internal event for another record; <see cref="Decide"/> gets that record (null if none yet) and may return null for "nothing to do".</summary>
public sealed record FollowUp(string Reference, string EventType, Func<MovementRecord?, MovementDecision?> Decide);
