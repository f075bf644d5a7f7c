using System.Collections.Concurrent;
using C2C.Core.Outbound;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>
/// Stands in for the activities in orchestrator tests: what the orchestrations asked to record, publish, refuse and
/// deliver to another movement, in the order they asked. The record step answers as the real one does: each message to another country is to publish,
/// under an id derived from the step.
/// </summary>
internal sealed class EffectLog(string nodeCountry)
{
    private readonly ConcurrentQueue<MovementStep> _steps = new();
    private readonly ConcurrentQueue<OutboundMessage> _published = new();
    private readonly ConcurrentQueue<Refusal> _refusals = new();
    private readonly ConcurrentDictionary<string, string> _recipients = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<MovementMessage> _deliveries = new();

    public IReadOnlyList<MovementStep> Steps => [.. _steps];

    public IReadOnlyList<OutboundMessage> Published => [.. _published];

    public IReadOnlyList<Refusal> Refusals => [.. _refusals];

    /// <summary>Every delivery to another movement that was not recorded there yet (a second one means the first was lost or still on its way).</summary>
    public IReadOnlyList<MovementMessage> Deliveries => [.. _deliveries];

    public IReadOnlyList<MovementStep> StepsOf(string reference) => [.. _steps.Where(s => s.Mrn == reference)];

    public bool HasRecorded(string reference, string triggerId) => _steps.Any(s => s.Mrn == reference && s.TriggerId == triggerId);

    public void Delivered(MovementMessage message) => _deliveries.Enqueue(message);

    /// <summary>The movement as the index would have it after the steps so far (its last state), or null if none made one.</summary>
    public MovementRecord? RecordOf(string reference) =>
        StepsOf(reference).LastOrDefault(s => s.Decision.Persist) is { } last
            ? new MovementRecord(reference, last.Decision.Status, last.Decision.StateJson, StepsOf(reference).Count, "", "", last.AppliedAt, last.Decision.Attributes)
            : null;

    public RecordedStep Record(MovementStep step)
    {
        _steps.Enqueue(step);
        var toPublish = new List<OutboundMessage>();
        foreach (var intent in step.Decision.Intents.Where(i => i.RecipientOffice[..2] != nodeCountry))
        {
            var id = intent.Action == IntentAction.ForwardOriginal ? step.Inbound!.MessageId : MessageIds.Derive(nodeCountry, step.TriggerId, intent.Kind.Code, intent.RecipientOffice);
            _recipients[id] = intent.RecipientOffice;
            toPublish.Add(new OutboundMessage(step.Mrn, id, intent.Kind.Code, intent.RecipientOffice[..2], $"archive/{step.TriggerId}/{intent.Kind.Code}", intent.CorrelationId));
        }
        if (step.Publish)
            toPublish.ForEach(message => Publish(message));
        return new RecordedStep(_steps.Count, toPublish);
    }

    /// <summary>The office a published message was sent to.</summary>
    public string RecipientOf(string messageId) => _recipients[messageId];

    /// <summary>The movement's status after the last step that changed it, or null.</summary>
    public string? StatusOf(string mrn) => Steps.LastOrDefault(s => s.Mrn == mrn && s.Decision.Persist)?.Decision.Status.Name;

    public string Publish(OutboundMessage message)
    {
        _published.Enqueue(message);
        return message.MessageId;
    }

    public string Refuse(Refusal refusal)
    {
        _refusals.Enqueue(refusal);
        return "nack-" + refusal.Message.MessageId;
    }

    /// <summary>Waits (bounded) until the log shows what the test expects; timers of a few seconds fire in that time.</summary>
    public async Task WaitUntilAsync(Func<EffectLog, bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not seen within the time allowed: {what}; steps so far: {string.Join(", ", _steps.Select(s => s.TriggerType + " " + s.Decision.Status))}");
            await Task.Delay(100);
        }
    }
}
