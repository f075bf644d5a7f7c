using C2C.Core.Ports;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Messages;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>
/// Hands an event one movement raises to another movement's orchestration (a vessel's arrival to a consignment on
/// board), as the ingest hands over a message: through the door (start, or raise to the running instance). A raise
/// is no proof (an instance whose start is not processed yet drops it): the other movement's record of the event,
/// under its id, is. The activity never waits for it: it answers whether it is recorded already, and delivers if not;
/// the orchestration asks again after a durable timer, so no worker slot is held while the other one works.
/// </summary>
/// <returns>True once the other movement has recorded the event (nothing delivered then); false when it was delivered now.</returns>
public sealed class DeliverToMovement(IMovementIndex index, IMovementDoor door) : TaskActivity<MovementMessage, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, MovementMessage input)
    {
        if (await index.FindMessageAsync(input.MovementReference, input.MessageId, CancellationToken.None) is not null)
            return true;
        await door.DeliverAsync(input, CancellationToken.None);
        return false;
    }
}
