using C2C.Core.Archive;
using C2C.Core.Cargo;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.HandOff;

/// <summary>
/// The movement side of ingest on the durable engine: each message goes to its movement's orchestration, which decides
/// and records it; the caller's answer comes from what the movement recorded (<see cref="MovementHandOff"/>).
/// What can be answered at once is answered here, before anything is handed over or stored:
/// <list type="bullet">
/// <item>a repeat (same id, same bytes) gets the receipt it had; the same id with other bytes, 409 / code 26;</item>
/// <item>over HTTP the sender waits for each answer, so the decider runs on the indexed state and a refusal is the
/// response (422 + IE906); a race with a change in between is refused by the orchestration, with the same NACK;</item>
/// <item>from a partner's topic the orchestration decides on its own, fresher state (it may hold an early message),
/// except about a movement that cannot come here any more (an MRN this departure never released): refused at once, no
/// movement made for it;</item>
/// <item>a partner's NACK or answer about no movement known here, and acknowledgements naming no movement, are
/// recorded as they are (no decider behind them, nothing to order);</item>
/// <item>a message whose records would be too large for a partner's broker is refused before anything is stored.</item>
/// </list>
/// No acknowledgement within the hand-off's bound: <see cref="MovementNotAcknowledgedException"/> (HTTP 503, the broker redelivers).
/// </summary>
public sealed class DurableMovementExchange(
    NodeContext node,
    IMovementIndex index,
    MovementRecorder recorder,
    MovementHandOff handOff,
    IMovementDoor door,
    CorridorPolicy policy,
    IMessagePublisher? publisher,
    TimeProvider clock) : IMovementExchange
{
    /// <summary>Concurrent writers of one record without an orchestration (acknowledgements naming no movement) retry this often.</summary>
    private const int RecordAttempts = 8;

    private readonly TransitProcess _transit = new(node.Country, policy);

    public async Task<ExchangeResult> AcceptAsync(ParsedMessage message, MessageOrigin origin, string signatureStatus, CancellationToken cancellationToken, bool holdIfEarly = false)
    {
        var mref = message.MovementReference ?? ArchiveNaming.NoMovement;
        var (current, seen) = await index.LoadAsync(mref, message.Header.MessageId, cancellationToken);
        if (seen is not null)
            return Replay(message, seen);
        if (RecordOnlyProcess.Handles(message))
            return await RecordAsIsAsync(message, mref, origin, signatureStatus, holdIfEarly, cancellationToken);

        var handed = MovementMessage.Of(message, origin, signatureStatus, fromTopic: holdIfEarly);
        var decision = handed.IsCargo ? DecideCargo(mref, current, handed) : _transit.Decide(mref, current, message, origin);
        if (decision.Rejection is { } error)
        {
            if (message.Kind.Family == MessageFamily.Control && origin == MessageOrigin.Partner && !MovementDecision.HasState(current))
                return await RecordAsIsAsync(message, mref, origin, signatureStatus, holdIfEarly, cancellationToken); // never a NACK to a NACK, never lost
            // A cargo record holds nothing: what does not fit now never will (docs/durable-engine.md, cargo).
            var orchestrationDecides = !handed.IsCargo && holdIfEarly && (MovementDecision.HasState(current) || _transit.MayWaitFor(mref, current));
            if (!orchestrationDecides)
                return FunctionalRefusal.Of(node, message, error, clock.GetUtcNow());
        }

        if (decision.Rejection is null && await TooLargeForBrokerAsync(handed, message, decision, cancellationToken) is { } tooLarge)
            return FunctionalRefusal.Of(node, message, tooLarge, clock.GetUtcNow());
        var outcome = await handOff.HandOverAsync(door, handed, cancellationToken);
        return outcome.Status switch
        {
            HandOffStatus.Applied => new ExchangeResult(ExchangeOutcome.Accepted, outcome.Receipt, null, null, null),
            HandOffStatus.Held => new ExchangeResult(ExchangeOutcome.Held, [], null, null, null),
            HandOffStatus.Refused => new ExchangeResult(ExchangeOutcome.Rejected, outcome.Receipt, null, null,
                new Rejection(NackErrors.Read(outcome.Receipt), message.Header, message.MovementReference), NackSent: handed.FromTopic),
            HandOffStatus.Conflict => FunctionalRefusal.Of(node, message, FunctionalRefusal.ConflictingDuplicate(message, $"taken by movement {mref}"), clock.GetUtcNow()),
            _ => throw new MovementNotAcknowledgedException(mref, message.Header.MessageId),
        };
    }

    private ExchangeResult Replay(ParsedMessage message, DedupRecord seen) =>
        seen.ContentSha256 == message.Sha256
            ? new ExchangeResult(ExchangeOutcome.Duplicate, seen.Receipt, null, seen.Sequence, null)
            : FunctionalRefusal.Of(node, message, FunctionalRefusal.ConflictingDuplicate(message, $"sequence {seen.Sequence} of {seen.MovementReference}"), clock.GetUtcNow());

    /// <summary>Archived and listed in its record's history as received, with no state machine behind it.</summary>
    private async Task<ExchangeResult> RecordAsIsAsync(ParsedMessage message, string mref, MessageOrigin origin, string signatureStatus, bool fromTopic,
        CancellationToken cancellationToken)
    {
        var received = new MovementMessage(message.Header.MessageId, message.Kind.Code, mref, origin, signatureStatus, message.Sha256, message.Raw.ToArray(), "", fromTopic);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var current = await index.GetAsync(mref, cancellationToken);
                await recorder.RecordAsync(new MovementStep(mref, received.MessageId, received.MessageType, received,
                    RecordOnlyProcess.Decide(mref, current, message, origin), clock.GetUtcNow()), cancellationToken);
                break;
            }
            catch (MovementConcurrentlyUpdatedException) when (attempt < RecordAttempts)
            {
                await Task.Delay(Random.Shared.Next(10, 20 * attempt), cancellationToken);
            }
        }
        var recorded = await index.FindMessageAsync(mref, received.MessageId, cancellationToken)
            ?? throw new InvalidOperationException($"{received.MessageType} {received.MessageId} recorded in {mref} but not found there");
        return new ExchangeResult(ExchangeOutcome.Accepted, recorded.Receipt, null, recorded.Sequence, null);
    }

    private MovementDecision DecideCargo(string reference, MovementRecord? current, MovementMessage handed) =>
        CargoDecider.Decide(reference, node.Country, MovementDecision.HasState(current) ? CargoStateSerializer.Deserialize(current!.StateJson) : null, handed.ReadCargoEvent())
            .ToMovement();

    /// <summary>A record the partner's broker would refuse is refused here, before anything is stored: the sender can still act.</summary>
    private async Task<MessageError?> TooLargeForBrokerAsync(MovementMessage handed, ParsedMessage message, MovementDecision decision, CancellationToken cancellationToken)
    {
        // Composing and signing to measure costs a signature per record: only where a partner's broker has a limit.
        if (publisher is null || !decision.Intents.Any(i => i.RecipientOffice[..2] != node.Country && publisher.MaxBodyBytes(i.RecipientOffice[..2]) is not null))
            return null;
        var step = new MovementStep(handed.MovementReference, handed.MessageId, handed.MessageType, handed, decision, clock.GetUtcNow());
        foreach (var (intent, bytes) in await recorder.CrossBorderSizesAsync(step, message, cancellationToken))
        {
            var country = intent.RecipientOffice[..2];
            if (publisher.MaxBodyBytes(country) is { } limit && bytes > limit)
                return new MessageError(ErrorCodes.RuleViolation,
                    $"The {intent.Kind.Code} this message causes for {intent.RecipientOffice} would be {bytes} bytes signed; the broker of {country} accepts at most {limit} bytes per message. Nothing was stored: send a smaller message.",
                    $"/{message.Kind.RootElement}");
        }
        return null;
    }
}
