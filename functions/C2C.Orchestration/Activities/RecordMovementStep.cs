using C2C.Core.Exchange;
using C2C.Core.Ports;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>Archive and index one step of a movement (see <see cref="MovementRecorder"/>). Idempotent by the step's id.</summary>
public sealed class RecordMovementStep(NodeContext node, IMessageArchive archive, IMovementIndex index, IMessageSigner signer, RecordedSteps? recorded = null)
    : TaskActivity<MovementStep, RecordedStep>
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
            return await new MovementRecorder(node, archive, index, signer, recorded).RecordAsync(input, CancellationToken.None);
        }
        catch (Exception e)
        {
            Core.Telemetry.ExchangeTelemetry.Failed(span, e);
            throw;
        }
    }
}
