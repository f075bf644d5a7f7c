using C2C.Core.Exchange;
using C2C.Core.Ports;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>
/// Archive and index one step of a movement (see <see cref="MovementRecorder"/>), then, where the step says so, publish
/// what it sends, in order, each confirmed before the next. Idempotent by the step's id: run again after a failed
/// publish, it finds the step recorded, reads back what it sent and publishes it again (the partner drops a copy it has).
/// </summary>
public sealed class RecordMovementStep(NodeContext node, IMessageArchive archive, IMovementIndex index, IMessageSigner signer, IMessagePublisher publisher,
    RecordedSteps? recorded = null) : TaskActivity<MovementStep, RecordedStep>
{
    /// <remarks>
    /// The step is the decision's span (c2c.decision), continuing the trace of the message that caused it, so what it
    /// archives, indexes and then publishes is in that trace; a timer's step starts a trace of its own.
    /// </remarks>
    public override async Task<RecordedStep> RunAsync(TaskActivityContext context, MovementStep input)
    {
        using var span = Core.Telemetry.ExchangeTelemetry.Continue("c2c.decision", System.Diagnostics.ActivityKind.Internal, input.Inbound?.TraceParent);
        span.SetTag("c2c.movement", input.Mrn);
        span.SetTag("c2c.trigger", input.TriggerType);
        span.SetTag("c2c.status", input.Decision.Status);
        try
        {
            var step = await new MovementRecorder(node, archive, index, signer, recorded).RecordAsync(input, CancellationToken.None);
            if (input.Publish)
            {
                foreach (var message in step.ToPublish)
                    await PublishToPartner.PublishAsync(node, archive, publisher, message);
            }
            return step;
        }
        catch (Exception e)
        {
            Core.Telemetry.ExchangeTelemetry.Failed(span, e);
            throw;
        }
    }
}
