using C2C.Core.Archive;
using C2C.Core.Composition;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Exchange;

/// <summary>
/// Applies one validated message to its movement, exactly once: dedup on messageId, decide, archive the original and
/// every message it causes, commit state + history + dedup + outbox + deadlines atomically (retrying on concurrent
/// updates), then publish the outbox. Used by HTTP ingest (local offices) and by the bus consumers (partner nodes).
/// </summary>
public sealed partial class MessageExchange(
    NodeContext node,
    IMessageArchive archive,
    IMovementIndex index,
    IReadOnlyList<IMovementProcess> processes,
    IMessageSigner signer,
    IMessagePublisher? publisher,
    TimeProvider clock,
    CorridorPolicy? policy = null) : IMovementExchange
{
    /// <summary>Concurrent updates of one movement are rare (one truck, one MRN); a few retries settle them.</summary>
    public const int MaxAttempts = 8;

    private static readonly MessageValidator Validator = new();

    private readonly CorridorPolicy _policy = policy ?? CorridorPolicy.Default;

    public async Task<ExchangeResult> AcceptAsync(ParsedMessage message, MessageOrigin origin, string signatureStatus, CancellationToken cancellationToken,
        bool holdIfEarly = false)
    {
        var (result, heldRemain) = await ApplyAsync(message, origin, signatureStatus, holdIfEarly, cancellationToken);
        if (heldRemain)
            await ReleaseHeldAsync(message.MovementReference ?? ArchiveNaming.NoMovement, cancellationToken);
        return result;
    }

    /// <returns>The result, and whether the movement it changed holds messages to try again (else nothing is read for them).</returns>
    private async Task<(ExchangeResult Result, bool HeldRemain)> ApplyAsync(ParsedMessage message, MessageOrigin origin, string signatureStatus, bool holdIfEarly, CancellationToken cancellationToken)
    {
        using var trace = TraceContext.StartIfNone("C2C.Accept");
        var mref = message.MovementReference ?? ArchiveNaming.NoMovement;
        var (loaded, seen) = await index.LoadAsync(mref, message.Header.MessageId, cancellationToken);
        if (seen is not null)
            return (Replay(message, seen), false);
        var process = processes.FirstOrDefault(p => p.Handles(message))
            ?? throw new InvalidOperationException($"no process manager handles {message.Kind.Code}");

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = attempt == 1 ? loaded : await index.GetAsync(mref, cancellationToken);
            var decision = process.Decide(mref, current, message, origin);
            if (decision.Rejection is not null && KeepsUnappliedAnswer(message, origin, current) is { } recordOnly)
            {
                // A partner's NACK or answer about a movement unknown here cannot be refused back (no NACK to a NACK)
                // and must not be lost: it is archived and listed, with no process state.
                process = recordOnly;
                decision = recordOnly.Decide(mref, current, message, origin);
            }
            if (decision.Rejection is { } error)
            {
                if (!holdIfEarly || !MayHold(process, mref, current, message, error))
                    return (Rejected(message, error), false);
                if (await HoldAsync(process, mref, current, message, signatureStatus, error, cancellationToken) is { } held)
                    return (held, false);
                continue; // the movement changed meanwhile: decide again
            }

            var now = clock.GetUtcNow();
            var outgoing = await ComposeAsync(process, mref, current, decision, message, message.Header.MessageId, now, cancellationToken);
            if (TooLargeForBroker(outgoing, message) is { } tooLarge)
                return (Rejected(message, tooLarge), false);
            if (await PrepareAsync(mref, current, decision, message, signatureStatus, now, outgoing, cancellationToken) is not { } step)
                // Another request with this message id and other bytes got there first (posted at the same moment).
                return (Rejected(message, ConflictingDuplicate(message, $"sequence {current?.EventCount + 1 ?? 1} of {mref}, in flight")), false);
            var receipt = AcknowledgementComposer.Receipt(message, MessageIds.Derive(node.Country, "receipt", message.Header.MessageId),
                node.GatewayOffice, now, step.Events[0].ArchiveName, step.Events[0].Sequence, step.Status);
            var dedup = new DedupRecord(message.Header.MessageId, mref, message.Sha256, step.Events[0].Sequence, receipt);
            var heldAfter = Without(current, message.Header.MessageId);
            var outcome = await CommitAsync(mref, current, decision, step, dedup, heldAfter, cancellationToken);
            switch (outcome)
            {
                case CommitOutcome.Committed:
                    await PublishAsync(step.Outbox, cancellationToken, step.Bodies);
                    await RunDueDeadlinesAsync(mref, decision, now, cancellationToken);
                    return (new ExchangeResult(ExchangeOutcome.Accepted, receipt, step.Status, step.Events[0].Sequence, null), heldAfter is { Count: > 0 });
                case CommitOutcome.Duplicate:
                    return (Replay(message, (await index.FindMessageAsync(mref, message.Header.MessageId, cancellationToken))!), false);
                default:
                    // Lost the race: the blobs written for this attempt are indexed nowhere (their names hold our
                    // sequence numbers, which the winner did not use with these message ids).
                    foreach (var e in step.Events)
                        await archive.DeleteOrphanAsync(e.ArchiveName, cancellationToken);
                    break;
            }
        }
        throw new InvalidOperationException($"movement {mref}: still concurrently updated after {MaxAttempts} attempts");
    }

    /// <summary>
    /// A due timer: applied like a message whose id is the timer's, so a repeated sweep changes nothing twice. Its
    /// follow-ups on other records go first: if the node dies half-way, the next sweep finds the timer still due.
    /// </summary>
    public async Task HandleDeadlineAsync(Deadline deadline, CancellationToken cancellationToken)
    {
        using var trace = TraceContext.StartIfNone("C2C.Deadline");
        // Message ids are unique node-wide (not per movement): the movement's reference is part of the timer's id.
        var timerId = $"timer-{deadline.Kind}-{deadline.DueAt.UtcDateTime:yyyyMMddHHmm}-{deadline.MovementReference}";
        if (deadline.Kind == HoldEnds)
            await EndHoldsAsync(deadline, timerId, cancellationToken);
        else if (await index.GetAsync(deadline.MovementReference, cancellationToken) is { } owner && processes.FirstOrDefault(p => p.Owns(owner)) is { } process)
        {
            foreach (var followUp in process.FollowUps(owner, deadline.Kind))
                await ApplyInternalAsync(process, followUp.Reference, $"{timerId}-{followUp.Reference}", followUp.EventType, followUp.Decide, cancellationToken);
            await ApplyInternalAsync(process, deadline.MovementReference, timerId, "TIMER",
                current => current is null ? null : process.OnDeadline(current, deadline.Kind, deadline.DueAt), cancellationToken);
        }
        await index.CompleteDeadlineAsync(deadline, cancellationToken);
    }

    private RecordOnlyProcess? KeepsUnappliedAnswer(ParsedMessage message, MessageOrigin origin, MovementRecord? current) =>
        message.Kind.Family == MessageFamily.Control && origin == MessageOrigin.Partner && !MovementDecision.HasState(current)
            ? processes.OfType<RecordOnlyProcess>().FirstOrDefault()
            : null;

    /// <summary>Timers due at once (a vessel that has already arrived, a time limit already past) run now rather than at the next sweep.</summary>
    private async Task RunDueDeadlinesAsync(string mref, MovementDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var due in decision.SetDeadlines.Where(d => d.DueBy(now) <= now))
        {
            try
            {
                await HandleDeadlineAsync(new Deadline(mref, due.Kind, due.DueBy(now)), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // committed with the movement: the sweeper applies it
            }
        }
    }

    /// <summary>An event the node raises itself (no message received): same commit path, its own id for exactly-once.</summary>
    private async Task ApplyInternalAsync(IMovementProcess process, string mref, string eventId, string eventType,
        Func<MovementRecord?, MovementDecision?> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (current, seen) = await index.LoadAsync(mref, eventId, cancellationToken);
            if (seen is not null)
                return;
            if (decide(current) is not { Persist: true, Rejection: null } decision)
                return;
            var now = clock.GetUtcNow();
            var internalEvent = InternalEvent(current, eventId, eventType, decision.Status, decision.History, now);
            var outgoing = await ComposeAsync(process, mref, current, decision, null, eventId, now, cancellationToken);
            var step = await PrepareOutgoingAsync(mref, current, internalEvent, now, outgoing, cancellationToken);
            var dedup = new DedupRecord(eventId, mref, "", internalEvent.Sequence, []);
            if (await CommitAsync(mref, current, decision, step, dedup, current?.HeldMessages, cancellationToken) == CommitOutcome.Committed)
            {
                await PublishAsync(step.Outbox, cancellationToken, step.Bodies);
                if (current?.HeldMessages.Count > 0)
                    await ReleaseHeldAsync(mref, cancellationToken);
                return;
            }
        }
        throw new InvalidOperationException($"movement {mref}: still concurrently updated after {MaxAttempts} attempts");
    }

    /// <summary>The history event of something the node raises itself (a timer, a follow-up): from and to its own gateway office.</summary>
    private MovementEvent InternalEvent(MovementRecord? current, string eventId, string eventType, string status, string history, DateTimeOffset now) =>
        new((current?.EventCount ?? 0) + 1, eventId, eventType, MessageDirection.Inbound, node.GatewayOffice, node.GatewayOffice, "", "", status, history, now, "", "");

    /// <summary>Publishes what is committed, in order; a failure leaves the rest for the outbox relay (nothing is lost).</summary>
    /// <returns>How many of the items were published (the first ones).</returns>
    public async Task<int> PublishAsync(IEnumerable<OutboxItem> items, CancellationToken cancellationToken, IReadOnlyDictionary<string, byte[]>? bodies = null)
    {
        if (publisher is null)
            return 0;
        var published = new List<OutboxItem>();
        try
        {
            foreach (var item in items)
            {
                var body = bodies is not null && bodies.TryGetValue(item.MessageId, out var inMemory) ? inMemory
                    : (await archive.ReadAsync(item.ArchiveName, cancellationToken))?.Content
                    ?? throw new InvalidOperationException($"outbox item {item.MessageId}: archive {item.ArchiveName} missing");
                await publisher.PublishAsync(new BusMessage(item.MessageId, item.CorrelationId, item.MessageType, item.Family,
                    node.Country, item.DestinationCountry, body, item.TraceParent, MovementReference: item.MovementReference), cancellationToken);
                published.Add(item);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // the rest stays for the relay, which retries in order later
        }
        if (published.Count == 0)
            return 0;
        try
        {
            await index.MarkPublishedAsync(published, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // still listed: the relay publishes them again and the receivers drop the duplicates
        }
        return published.Count;
    }

    /// <param name="Bodies">The signed bytes of the outbox items, so the publish right after the commit need not read them back from the archive.</param>
    private sealed record Step(string Status, List<MovementEvent> Events, List<OutboxItem> Outbox, Dictionary<string, byte[]> Bodies);

    /// <summary>A message this one causes, composed and signed, not archived yet.</summary>
    private sealed record Outgoing(TransitIntent Intent, string MessageId, byte[] Body, bool CrossBorder);

    /// <summary>Composes (and signs, when it crosses a border) every message the decision sends; nothing is stored yet.</summary>
    private async Task<List<Outgoing>> ComposeAsync(IMovementProcess process, string mref, MovementRecord? current, MovementDecision decision,
        ParsedMessage? trigger, string causeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outgoing = new List<Outgoing>();
        ParsedMessage? declaration = null;
        foreach (var intent in decision.Intents)
        {
            var messageId = MessageIds.Derive(node.Country, causeId, intent.Kind.Code, intent.RecipientOffice);
            byte[] xml;
            if (intent.Action == IntentAction.ForwardOriginal)
            {
                xml = trigger!.Raw.ToArray();
                messageId = trigger.Header.MessageId;
            }
            else
            {
                if (process.NeedsDeclaration(intent))
                    declaration ??= await MovementDeclaration.LoadAsync(index, archive, Validator, mref, trigger, cancellationToken);
                xml = process.Compose(intent, messageId, mref, decision.Persist ? decision.StateJson : current?.StateJson, declaration, now);
            }
            outgoing.Add(Signed(intent, messageId, xml));
        }
        return outgoing;
    }

    private Outgoing Signed(TransitIntent intent, string messageId, byte[] xml)
    {
        var crossBorder = intent.RecipientOffice[..2] != node.Country;
        return new Outgoing(intent, messageId, crossBorder ? signer.Sign(xml) : xml, crossBorder);
    }

    /// <summary>A record the partner's broker would refuse is refused here, before anything is stored: the sender can still act.</summary>
    private MessageError? TooLargeForBroker(List<Outgoing> outgoing, ParsedMessage message)
    {
        foreach (var o in outgoing.Where(o => o.CrossBorder))
        {
            var country = o.Intent.RecipientOffice[..2];
            if (publisher?.MaxBodyBytes(country) is { } limit && o.Body.Length > limit)
                return new MessageError(ErrorCodes.RuleViolation,
                    $"The {o.Intent.Kind.Code} this message causes for {o.Intent.RecipientOffice} would be {o.Body.Length} bytes signed; the broker of {country} accepts at most {limit} bytes per message. Nothing was stored: send a smaller message.",
                    $"/{message.Kind.RootElement}");
        }
        return null;
    }

    /// <returns>
    /// Null when the archive already holds other bytes under this message's name: the same message id, at the same
    /// place in the movement, with other content (a concurrent post, or an attempt that died before its commit).
    /// </returns>
    private async Task<Step?> PrepareAsync(string mref, MovementRecord? current, MovementDecision decision,
        ParsedMessage message, string signatureStatus, DateTimeOffset now, List<Outgoing> outgoing, CancellationToken cancellationToken)
    {
        var sequence = (current?.EventCount ?? 0) + 1;
        ArchivedMessage inbound;
        try
        {
            inbound = await archive.StoreAsync(new ArchiveEntry(mref, sequence, message.Kind.Code, message.Header.MessageId, MessageDirection.Inbound,
                message.Header.SenderOffice, message.Header.RecipientOffice, now, signatureStatus, message.Raw), cancellationToken);
        }
        catch (ArchiveConflictException)
        {
            return null;
        }
        var status = decision.Persist ? decision.Status : current?.Status ?? "Recorded";
        var inboundEvent = new MovementEvent(sequence, message.Header.MessageId, message.Kind.Code, MessageDirection.Inbound,
            message.Header.SenderOffice, message.Header.RecipientOffice, inbound.Name, message.Sha256, status, decision.History, now, "", "");
        return await PrepareOutgoingAsync(mref, current, inboundEvent, now, outgoing, cancellationToken);
    }

    private async Task<Step> PrepareOutgoingAsync(string mref, MovementRecord? current, MovementEvent first, DateTimeOffset now,
        List<Outgoing> outgoing, CancellationToken cancellationToken)
    {
        var step = new Step(first.StatusAfter, [EventHashChain.Seal(current?.HeadHash ?? EventHashChain.Genesis, first)], [], new Dictionary<string, byte[]>(StringComparer.Ordinal));
        foreach (var o in outgoing)
        {
            var history = o.Intent.Action == IntentAction.ForwardOriginal ? $"{o.Intent.Kind.Code} forwarded to {o.Intent.RecipientOffice}" : $"{o.Intent.Kind.Code} sent to {o.Intent.RecipientOffice}";
            await AddOutboundAsync(step, mref, o, history, now, cancellationToken);
        }
        return step;
    }

    /// <summary>An outgoing message archived, in the history, and in the outbox if a partner is to get it.</summary>
    private async Task AddOutboundAsync(Step step, string mref, Outgoing o, string history, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (kind, recipientOffice, body) = (o.Intent.Kind, o.Intent.RecipientOffice, o.Body);
        var sequence = step.Events[^1].Sequence + 1;
        ArchivedMessage stored;
        try
        {
            stored = await archive.StoreAsync(new ArchiveEntry(mref, sequence, kind.Code, o.MessageId, MessageDirection.Outbound,
                MovementDeclaration.SenderOf(body) ?? node.GatewayOffice, recipientOffice, now, o.CrossBorder ? "Signed" : "Unsigned", body), cancellationToken);
        }
        catch (ArchiveConflictException conflict)
        {
            // An attempt that died between archiving and committing left this very message: same trigger, kind,
            // recipient and place in the history, so the same decision, only another time and signature. The
            // archive is write-once, so that copy is the one sent.
            if (await archive.ReadAsync(conflict.Name, cancellationToken) is not { } earlier)
                throw;
            (stored, body) = (earlier.Message, earlier.Content);
        }
        step.Events.Add(EventHashChain.Seal(step.Events[^1].Hash, new MovementEvent(sequence, o.MessageId, kind.Code, MessageDirection.Outbound,
            stored.SenderOffice, recipientOffice, stored.Name, stored.Sha256, step.Status, history, now, "", "")));
        if (!o.CrossBorder)
            return;
        step.Outbox.Add(new OutboxItem(mref, sequence, o.MessageId, kind.Code, kind.Family, recipientOffice[..2], stored.Name, o.Intent.CorrelationId, TraceContext.TraceParent));
        step.Bodies[o.MessageId] = body;
    }

    private Task<CommitOutcome> CommitAsync(string mref, MovementRecord? current, MovementDecision decision, Step step, DedupRecord dedup,
        IReadOnlyList<HeldMessage>? held, CancellationToken cancellationToken)
    {
        var persist = decision.Persist;
        var commit = new MovementCommit(mref, current?.Version,
            persist ? decision.Status : current?.Status ?? "Recorded",
            persist ? decision.StateJson : current?.StateJson ?? MovementDecision.NoState,
            persist ? decision.Attributes : current?.Attributes ?? new Dictionary<string, string>(),
            step.Events, dedup, step.Outbox,
            decision.SetDeadlines.Select(d => new Deadline(mref, d.Kind, d.DueBy(step.Events[0].AppliedAt))).ToList(), decision.ClearDeadlines, current?.Status, held);
        return index.CommitAsync(commit, cancellationToken);
    }

    private ExchangeResult Replay(ParsedMessage message, DedupRecord seen)
    {
        if (seen.ContentSha256 == message.Sha256)
            return new ExchangeResult(ExchangeOutcome.Duplicate, seen.Receipt, null, seen.Sequence, null);
        return Rejected(message, ConflictingDuplicate(message, $"sequence {seen.Sequence} of {seen.MovementReference}"));
    }

    private static MessageError ConflictingDuplicate(ParsedMessage message, string where) => FunctionalRefusal.ConflictingDuplicate(message, where);

    private ExchangeResult Rejected(ParsedMessage message, MessageError error) => FunctionalRefusal.Of(node, message, error, clock.GetUtcNow());
}
