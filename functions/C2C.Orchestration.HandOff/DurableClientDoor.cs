using C2C.Orchestration.Messages;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.HandOff;

/// <summary>
/// The door where a Durable client is at hand (locally: the node's own, from DI): starts or raises the movement's
/// orchestration (<see cref="MovementHandOff.DeliverAsync"/>). Also the door the orchestrations' own deliveries use
/// there (<see cref="Activities.DeliverToMovement"/>).
/// </summary>
public sealed class DurableClientDoor(MovementHandOff handOff, DurableTaskClient client) : IMovementDoor
{
    public Task DeliverAsync(MovementMessage message, CancellationToken cancellationToken) => handOff.DeliverAsync(client, message, cancellationToken);
}
