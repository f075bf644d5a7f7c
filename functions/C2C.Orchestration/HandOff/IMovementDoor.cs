using C2C.Orchestration.Messages;

namespace C2C.Orchestration.HandOff;

/// <summary>
/// How a message reaches its movement's orchestration: locally the node's own Durable client starts or raises it; on
/// Azure a hosted Service Bus processor has no client (it is a binding), so it queues the message for a function that
/// has one. Either way delivery is proven by the movement's acknowledgement in the index, never by the door.
/// Orchestrations use it too (<see cref="Activities.DeliverToMovement"/>: a vessel's arrival to each consignment on
/// board), which is why it lives here, beside the activities, and not with the hand-off that implements it.
/// </summary>
public interface IMovementDoor
{
    Task DeliverAsync(MovementMessage message, CancellationToken cancellationToken);
}
