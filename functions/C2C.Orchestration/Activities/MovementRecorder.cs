using C2C.Core.Archive;
using C2C.Core.Cargo;
using C2C.Core.Outbound;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Orchestration.Activities;

/// <summary>
/// Records one step of a movement: the received message archived, every message it causes composed, signed when it
/// crosses a border and archived, all of them in the hash-chained history with the new state, in one index commit
/// whose dedup row is the step's id. Run twice, the second run finds the dedup row and only reads back what the
/// first one sent (derived ids): nothing is recorded twice.
/// </summary>
public sealed class MovementRecorder(NodeContext node, IMessageArchive archive, IMovementIndex index, IMessageSigner signer, RecordedSteps? recorded = null)
{
    /// <summary>Only a second run of the same step writes the movement at the same time (one orchestration per movement).</summary>
    private const int MaxAttempts = 4;

    private static readonly MessageValidator Validator = new();

    // Transit composition only (cargo has its own composer): the policy plays no part in building a message.
    private readonly TransitProcess _composer = new(node.Country, CorridorPolicy.Default);

    public async Task<RecordedStep> RecordAsync(MovementStep step, CancellationToken cancellationToken)
    {
        var done = await RecordOnceAsync(step, cancellationToken);
        recorded?.Recorded(step.Mrn);
        return done;
    }

    private async Task<RecordedStep> RecordOnceAsync(MovementStep step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (current, seen) = await index.LoadAsync(step.Mrn, step.TriggerId, cancellationToken);
            if (seen is not null)
                return await AlreadyRecordedAsync(step, seen, cancellationToken);
            var inbound = step.Inbound is { } m ? Validator.Validate(m.Raw).Message ?? throw new InvalidOperationException($"message {m.MessageId} no longer validates") : null;
            var decision = step.Decision;
            var status = decision.Persist ? decision.Status : current?.Status ?? MovementStatus.Recorded;
            var events = new List<MovementEvent> { await FirstEventAsync(step, inbound, current, status, cancellationToken) };
            var toPublish = new List<OutboundMessage>();
            foreach (var intent in decision.Intents)
            {
                var (outbound, sent) = await SendAsync(step, intent, inbound, events[^1], status, cancellationToken);
                events.Add(sent);
                if (outbound is not null)
                    toPublish.Add(outbound);
            }
            var receipt = Answer(step, inbound, events[0], status);
            var commit = new MovementCommit(step.Mrn, current?.Version, status,
                decision.Persist ? decision.StateJson : current?.StateJson ?? MovementDecision.NoState,
                decision.Persist ? decision.Attributes : current?.Attributes ?? new Dictionary<string, string>(),
                events, new DedupRecord(step.TriggerId, step.Mrn, step.Inbound?.Sha256 ?? "", events[0].Sequence, receipt), current?.Status,
                step.Refusal?.Code);
            switch (await index.CommitAsync(commit, cancellationToken))
            {
                case CommitOutcome.Committed:
                    await MovementTelemetry.CommittedAsync(index, step, current?.Status, status, cancellationToken);
                    return new RecordedStep(events[0].Sequence, toPublish);
                case CommitOutcome.Duplicate:
                    return await AlreadyRecordedAsync(step, (await index.FindMessageAsync(step.Mrn, step.TriggerId, cancellationToken))!, cancellationToken);
            }
            // ConcurrentUpdate: a second run of this very step got in between; the next load finds its dedup row.
        }
        throw new MovementConcurrentlyUpdatedException(step.Mrn, step.TriggerId, MaxAttempts);
    }

    /// <summary>
    /// What the sender is answered, kept with the step's dedup row: the receipt (IE928) of an applied message (IE004
    /// with the declaration's new version for an amendment), the NACK
    /// of a refused one (the same id as the one <see cref="SendFunctionalNack"/> sends), nothing for a hold or a timer.
    /// </summary>
    private byte[] Answer(MovementStep step, ParsedMessage? inbound, MovementEvent first, MovementStatus status)
    {
        if (inbound is null)
            return [];
        if (step.Refusal is { } error)
        {
            return AcknowledgementComposer.Nack(Rejection.Of(error, inbound.Header, step.Mrn), MessageIds.Derive(node.Country, "nack", inbound.Header.MessageId, inbound.Sha256),
                node.GatewayOffice, inbound.Header.SenderOffice, step.AppliedAt);
        }
        if (step.TriggerId == inbound.Header.MessageId && inbound.Kind == MessageCatalog.DeclarationAmendment && step.Decision.Persist)
        {
            return AmendmentAcceptance.Compose(inbound, MessageIds.Derive(node.Country, "receipt", step.TriggerId), node.GatewayOffice, step.AppliedAt,
                TransitStateSerializer.Deserialize(step.Decision.StateJson).Facts!.Version, first.ArchiveName, first.Sequence);
        }
        return step.TriggerId == inbound.Header.MessageId
            ? AcknowledgementComposer.Receipt(inbound, MessageIds.Derive(node.Country, "receipt", step.TriggerId), node.GatewayOffice, step.AppliedAt, first.ArchiveName, first.Sequence, status.Name)
            : [];
    }

    /// <summary>The received message archived as the step's first event, or the node's own event for a timer.</summary>
    private async Task<MovementEvent> FirstEventAsync(MovementStep step, ParsedMessage? inbound, MovementRecord? current, MovementStatus status, CancellationToken cancellationToken)
    {
        var sequence = (current?.EventCount ?? 0) + 1;
        var previous = current?.HeadHash ?? EventHashChain.Genesis;
        if (inbound is null)
        {
            return EventHashChain.Seal(previous, new MovementEvent(sequence, step.TriggerId, step.TriggerType, MessageDirection.Inbound, node.GatewayOffice, node.GatewayOffice,
                ArchiveName: "", ContentSha256: "", status, step.Decision.History, step.AppliedAt));
        }
        var stored = await ArchiveOnce.StoreAsync(archive, new ArchiveEntry(step.Mrn, sequence, inbound.Kind.Code, inbound.Header.MessageId, MessageDirection.Inbound,
            inbound.Header.SenderOffice, inbound.Header.RecipientOffice, step.AppliedAt, step.Inbound!.SignatureStatus, inbound.Raw), cancellationToken);
        return EventHashChain.Seal(previous, new MovementEvent(sequence, step.TriggerId, inbound.Kind.Code, MessageDirection.Inbound,
            inbound.Header.SenderOffice, inbound.Header.RecipientOffice, stored.Name, stored.Sha256, status, step.Decision.History, step.AppliedAt));
    }

    /// <summary>One message the decision sends: composed (or the original forwarded), signed across a border, archived, chained.</summary>
    private async Task<(OutboundMessage? ToPublish, MovementEvent Sent)> SendAsync(MovementStep step, TransitIntent intent, ParsedMessage? inbound, MovementEvent previous,
        MovementStatus status, CancellationToken cancellationToken)
    {
        var messageId = OutboundId(step, intent);
        var xml = await BodyAsync(step, intent, messageId, inbound, cancellationToken);
        var crossBorder = CrossesBorder(intent);
        var sequence = previous.Sequence + 1;
        var stored = await ArchiveOnce.StoreAsync(archive, new ArchiveEntry(step.Mrn, sequence, intent.Kind.Code, messageId, MessageDirection.Outbound,
            MovementDeclaration.SenderOf(xml) ?? node.GatewayOffice, intent.RecipientOffice, step.AppliedAt, (crossBorder ? SignatureVerdict.Signed : SignatureVerdict.Unsigned).ToString(), crossBorder ? signer.Sign(xml) : xml), cancellationToken);
        var verb = intent.Action == IntentAction.ForwardOriginal ? "forwarded" : "sent";
        var sent = EventHashChain.Seal(previous.Hash, new MovementEvent(sequence, messageId, intent.Kind.Code, MessageDirection.Outbound, stored.SenderOffice,
            intent.RecipientOffice, stored.Name, stored.Sha256, status, $"{intent.Kind.Code} {verb} to {intent.RecipientOffice}", step.AppliedAt));
        return (crossBorder ? ToPublish(step, intent, messageId, stored.Name) : null, sent);
    }

    /// <summary>
    /// The signed size of each message the step would send across a border, composed as <see cref="RecordAsync"/>
    /// would compose it, nothing stored: the ingest refuses what a partner's broker could never take.
    /// </summary>
    public async Task<IReadOnlyList<(TransitIntent Intent, int SignedBytes)>> CrossBorderSizesAsync(MovementStep step, ParsedMessage inbound, CancellationToken cancellationToken)
    {
        var sizes = new List<(TransitIntent, int)>();
        foreach (var intent in step.Decision.Intents.Where(CrossesBorder))
            sizes.Add((intent, signer.Sign(await BodyAsync(step, intent, OutboundId(step, intent), inbound, cancellationToken)).Length));
        return sizes;
    }

    /// <summary>What a message the step sends carries: the original forwarded byte for byte, or what the node writes.</summary>
    private async Task<byte[]> BodyAsync(MovementStep step, TransitIntent intent, string messageId, ParsedMessage? inbound, CancellationToken cancellationToken) =>
        intent.Action == IntentAction.ForwardOriginal ? inbound!.Raw.ToArray() : await ComposeAsync(step, intent, messageId, inbound, cancellationToken);

    /// <summary>A message the node writes itself: a cargo acknowledgement from the consignment's new state, a transit message (with the declaration when it copies it).</summary>
    private async Task<byte[]> ComposeAsync(MovementStep step, TransitIntent intent, string messageId, ParsedMessage? inbound, CancellationToken cancellationToken)
    {
        var stateAfter = step.Decision.Persist ? step.Decision.StateJson : null;
        if (intent.Kind.Family == MessageFamily.Cargo)
            return CargoComposer.Compose(intent, messageId, step.Mrn, CargoStateSerializer.Deserialize(stateAfter ?? throw new InvalidOperationException($"{intent.Kind.Code} for {step.Mrn} without a state")), step.AppliedAt);
        var declaration = TransitProcess.NeedsDeclaration(intent)
            ? await MovementDeclaration.LoadAsync(index, archive, Validator, step.Mrn, inbound, cancellationToken, TransitProcess.DeclarationMessageIdOf(stateAfter))
            : null;
        return _composer.Compose(intent, messageId, step.Mrn, stateAfter, declaration, step.AppliedAt);
    }

    /// <summary>A second run: what the first run sent, read back from the history by the same derived ids.</summary>
    private async Task<RecordedStep> AlreadyRecordedAsync(MovementStep step, DedupRecord seen, CancellationToken cancellationToken)
    {
        var history = await index.HistoryAsync(step.Mrn, cancellationToken);
        var toPublish = new List<OutboundMessage>();
        foreach (var intent in step.Decision.Intents.Where(CrossesBorder))
        {
            var id = OutboundId(step, intent);
            var sent = history.FirstOrDefault(e => e.Sequence > seen.Sequence && e.Direction == MessageDirection.Outbound && e.MessageId == id)
                ?? throw new InvalidOperationException($"step {step.TriggerId} of {step.Mrn} is recorded but its {intent.Kind.Code} to {intent.RecipientOffice} is not in the history");
            toPublish.Add(ToPublish(step, intent, id, sent.ArchiveName));
        }
        return new RecordedStep(seen.Sequence, toPublish);
    }

    /// <summary>Derived from the step and the recipient (a forwarded original keeps its own id): the same on every run.</summary>
    private string OutboundId(MovementStep step, TransitIntent intent) =>
        intent.Action == IntentAction.ForwardOriginal ? step.Inbound!.MessageId : MessageIds.Derive(node.Country, step.TriggerId, intent.Kind.Code, intent.RecipientOffice);

    private bool CrossesBorder(TransitIntent intent) => intent.RecipientOffice[..2] != node.Country;

    private static OutboundMessage ToPublish(MovementStep step, TransitIntent intent, string messageId, string archiveName) =>
        new(step.Mrn, messageId, intent.Kind.Code, intent.RecipientOffice[..2], archiveName, intent.CorrelationId,
            TraceContext.TraceParent ?? step.Inbound?.TraceParent);
}
