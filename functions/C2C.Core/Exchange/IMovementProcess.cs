using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Exchange;

/// <summary>A process manager for one family of movements (transit, SASEC cargo), in the exchange's terms.</summary>
public interface IMovementProcess
{
    bool Handles(ParsedMessage message);

    MovementDecision Decide(string movementReference, MovementRecord? current, ParsedMessage message, MessageOrigin origin);

    MovementDecision OnDeadline(MovementRecord current, string kind, DateTimeOffset now);

    /// <summary>Builds the XML of a composed intent; <paramref name="declaration"/> is given when <see cref="NeedsDeclaration"/>.</summary>
    byte[] Compose(TransitIntent intent, string messageId, string movementReference, string? stateJsonAfter, ParsedMessage? declaration, DateTimeOffset now);

    bool NeedsDeclaration(TransitIntent intent);
}
