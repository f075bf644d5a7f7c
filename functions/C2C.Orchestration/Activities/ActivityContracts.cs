using C2C.Core.Exchange;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Activities;

/// <summary>
/// One step of a movement to record: the message or timer that caused it, the decision, and when the orchestration
/// applied it (its replay-safe clock). <see cref="TriggerId"/> is the step's identity in the index: recorded once.
/// </summary>
/// <param name="TriggerType">The message type, or TIMER / HOLD for what the movement raises itself.</param>
/// <param name="Inbound">The received message (archived as the step's first event); null for a timer.</param>
/// <param name="Refusal">For a message refused at once: why. Its NACK is kept with the step, for the ingest to answer with.</param>
/// <param name="Publish">
/// The step's activity also publishes what it sends, in order, once recorded (from <see cref="MovementVersions.PublishedWithTheRecord"/>);
/// false in older movements' histories, whose orchestration publishes each message with an activity of its own.
/// </param>
public sealed record MovementStep(string Mrn, string TriggerId, string TriggerType, MovementMessage? Inbound, MovementDecision Decision, DateTimeOffset AppliedAt,
    MessageError? Refusal = null, bool Publish = false);

/// <summary>A message the step sent to a partner: archived and in the history; the orchestration publishes it next.</summary>
/// <param name="TraceParent">The trace of the message that caused it (none for a timer's).</param>
public sealed record OutboundMessage(string Mrn, string MessageId, string MessageType, string DestinationCountry, string ArchiveName, string? CorrelationId,
    string? TraceParent = null);

/// <param name="Sequence">The step's first event in the movement's history.</param>
public sealed record RecordedStep(int Sequence, IReadOnlyList<OutboundMessage> ToPublish);

/// <summary>A partner's message the movement refuses (at once, or when its hold ended): it gets a functional NACK.</summary>
public sealed record Refusal(MovementMessage Message, MessageError Error, DateTimeOffset At);
