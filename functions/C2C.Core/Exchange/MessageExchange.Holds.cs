using C2C.Core.Archive;
using C2C.Core.Composition;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Validation;

namespace C2C.Core.Exchange;

/// <summary>
/// Held messages (<see cref="HeldMessage"/>): a partner's delivery that came before the one it follows waits in its
/// movement instead of being refused. Every change of the movement tries its held messages again, oldest first; when
/// a hold ends (<see cref="Transit.CorridorPolicy.HoldEarlyMessagesFor"/>) what still does not fit gets its NACK,
/// through the outbox like any message the movement sends.
/// </summary>
public sealed partial class MessageExchange
{
    /// <summary>Deadline kind of the end of the movement's earliest hold.</summary>
    public const string HoldEnds = "HoldEnds";

    /// <summary>A movement holds at most this many messages; more are refused at once (a partner gone wrong, not a late message).</summary>
    public const int MaxHeld = 16;

    /// <summary>Only sequence refusals can heal: the message that comes first may still arrive.</summary>
    private static bool MayHold(IMovementProcess process, string mref, MovementRecord? current, ParsedMessage message, MessageError error) =>
        error.Code is ErrorCodes.OutOfSequence or ErrorCodes.UnknownMrn
        && message.Kind.Family != MessageFamily.Control
        && current?.HeldMessages.Count is null or < MaxHeld
        && process.MayWaitFor(mref, current);

    /// <summary>When the hold of a message held at <paramref name="heldAt"/> for a refusal with <paramref name="code"/> ends.</summary>
    private DateTimeOffset HoldEnd(DateTimeOffset heldAt, string? code) =>
        heldAt + (code == ErrorCodes.UnknownMrn ? _policy.HoldUnknownMovementFor : _policy.HoldEarlyMessagesFor);

    private DateTimeOffset HoldEnd(HeldMessage held) => HoldEnd(held.HeldAt, held.Code);

    private static IReadOnlyList<HeldMessage>? Without(MovementRecord? current, string messageId) =>
        current?.HeldMessages.Where(h => h.MessageId != messageId).ToList();

    /// <returns>The held outcome, or null if the movement changed meanwhile (decide again).</returns>
    private async Task<ExchangeResult?> HoldAsync(IMovementProcess process, string mref, MovementRecord? current, ParsedMessage message, string signatureStatus,
        MessageError error, CancellationToken cancellationToken)
    {
        var id = message.Header.MessageId;
        if (current?.HeldMessages.Any(h => h.MessageId == id) == true)
            return Held(current);
        var now = clock.GetUtcNow();
        var held = (current?.HeldMessages ?? []).ToList();
        var until = held.Select(HoldEnd).Append(HoldEnd(now, error.Code)).Min();
        var decision = new MovementDecision(current?.Status ?? "Recorded", current?.StateJson ?? MovementDecision.NoState, current?.Attributes ?? new Dictionary<string, string>(),
            [], [new Transit.DeadlineChange(HoldEnds, until)], [],
            $"{message.Kind.Code} held: {error.Reason} It is applied once the movement allows it, else refused when its hold ends ({HoldEnd(now, error.Code):yyyy-MM-dd HH:mm}Z).",
            null, Persist: false);
        if (await PrepareAsync(mref, current, decision, message, signatureStatus, now, [], cancellationToken) is not { } step)
            return Rejected(message, ConflictingDuplicate(message, $"held in {mref}"));
        // The hold is an event of its own, under a derived id: the message itself stays unseen until it is applied.
        var holdId = $"held-{id}";
        step.Events[0] = EventHashChain.Seal(current?.HeadHash ?? EventHashChain.Genesis, step.Events[0] with { MessageId = holdId });
        var entry = new HeldMessage(id, message.Kind.Code, step.Events[0].ArchiveName, signatureStatus, now, error.Reason, error.Code);
        held.Add(entry);
        var dedup = new DedupRecord(holdId, mref, message.Sha256, step.Events[0].Sequence, []);
        switch (await CommitAsync(mref, current, decision, step, dedup, held, cancellationToken))
        {
            case CommitOutcome.Committed:
                return Held(current, step.Events[0].Sequence);
            case CommitOutcome.ConcurrentUpdate:
                // Another message won: its blobs have other names; ours is indexed nowhere.
                await archive.DeleteOrphanAsync(step.Events[0].ArchiveName, cancellationToken);
                return null;
            default:
                return null; // the same message held meanwhile by a redelivery: the next read finds it
        }
    }

    private static ExchangeResult Held(MovementRecord? current, int? sequence = null) =>
        new(ExchangeOutcome.Held, [], current?.Status ?? "Recorded", sequence, null);

    /// <summary>
    /// Tries the movement's held messages again after it changed, oldest first; each one applied changes the movement
    /// again, so the pass starts over (bounded: every round applies one message or ends).
    /// </summary>
    private async Task ReleaseHeldAsync(string mref, CancellationToken cancellationToken)
    {
        for (var round = 0; round <= MaxHeld; round++)
        {
            var applied = false;
            foreach (var held in (await index.GetAsync(mref, cancellationToken))?.HeldMessages ?? [])
            {
                if (await ReadHeldAsync(held, cancellationToken) is not { } message)
                    continue;
                if ((await ApplyAsync(message, Transit.MessageOrigin.Partner, held.SignatureStatus, holdIfEarly: true, cancellationToken)).Result.Outcome == ExchangeOutcome.Accepted)
                {
                    applied = true;
                    break;
                }
            }
            if (!applied)
                return;
        }
    }

    /// <summary>
    /// A hold ended: one last try, then each message whose hold is over is refused with the NACK it would have got,
    /// sent through the outbox, and leaves the movement's held list. The others wait for the next end of hold.
    /// </summary>
    private async Task EndHoldsAsync(Deadline deadline, string timerId, CancellationToken cancellationToken)
    {
        var mref = deadline.MovementReference;
        await ReleaseHeldAsync(mref, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (current, seen) = await index.LoadAsync(mref, timerId, cancellationToken);
            if (seen is not null || current is null)
                return;
            var over = current.HeldMessages.Where(h => HoldEnd(h) <= deadline.DueAt).ToList();
            if (over.Count == 0)
                return;
            var remaining = current.HeldMessages.Except(over).ToList();
            var now = clock.GetUtcNow();
            var nacks = new List<Outgoing>();
            foreach (var held in over)
            {
                if (await ReadHeldAsync(held, cancellationToken) is not { } message)
                    continue;
                var rejection = Rejection.Of(new MessageError(held.Code ?? ErrorCodes.OutOfSequence, $"{held.Reason} (held from {held.HeldAt:yyyy-MM-dd HH:mm}Z, its hold ended)",
                    $"/{message.Kind.RootElement}/Header"), message.Header, mref);
                var nackId = MessageIds.Derive(node.Country, "nack", held.MessageId, message.Sha256);
                var nack = AcknowledgementComposer.Nack(rejection, nackId, node.GatewayOffice, message.Header.SenderOffice, now);
                nacks.Add(Signed(new Transit.TransitIntent(rejection.NackKind, Transit.IntentAction.Compose, message.Header.SenderOffice, held.MessageId), nackId, nack));
            }
            var history = $"Hold ended for {string.Join(", ", over.Select(h => $"{h.MessageType} {h.MessageId}"))}: refused (what it came before never came)";
            var timer = InternalEvent(current, timerId, "TIMER", current.Status, history, now);
            var step = await PrepareOutgoingAsync(mref, current, timer, now, nacks, cancellationToken);
            var decision = new MovementDecision(current.Status, current.StateJson, current.Attributes, [],
                remaining.Count == 0 ? [] : [new Transit.DeadlineChange(HoldEnds, remaining.Min(HoldEnd))], [], history, null, Persist: false);
            var dedup = new DedupRecord(timerId, mref, "", timer.Sequence, []);
            if (await CommitAsync(mref, current, decision, step, dedup, remaining, cancellationToken) == CommitOutcome.Committed)
            {
                await PublishAsync(step.Outbox, cancellationToken, step.Bodies);
                return;
            }
        }
        throw new InvalidOperationException($"movement {mref}: still concurrently updated after {MaxAttempts} attempts");
    }

    private async Task<ParsedMessage?> ReadHeldAsync(HeldMessage held, CancellationToken cancellationToken) =>
        await archive.ReadAsync(held.ArchiveName, cancellationToken) is { } stored ? Validator.Validate(stored.Content).Message : null;
}
