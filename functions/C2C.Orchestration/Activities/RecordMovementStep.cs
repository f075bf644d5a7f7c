using C2C.Core.Exchange;
using C2C.Core.Ports;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>Archive and index one step of a movement (see <see cref="MovementRecorder"/>). Idempotent by the step's id.</summary>
public sealed class RecordMovementStep(NodeContext node, IMessageArchive archive, IMovementIndex index, IMessageSigner signer, RecordedSteps? recorded = null)
    : TaskActivity<MovementStep, RecordedStep>
{
    public override Task<RecordedStep> RunAsync(TaskActivityContext context, MovementStep input) =>
        new MovementRecorder(node, archive, index, signer, recorded).RecordAsync(input, CancellationToken.None);
}
