using C2C.Orchestration.Messages;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.HandOff;

/// <summary>The door of a process that has a Durable client: it starts or raises directly.</summary>
public sealed class ClientMovementDoor(MovementHandOff handOff, DurableTaskClient client) : IMovementDoor
{
    public Task DeliverAsync(MovementMessage message, CancellationToken cancellationToken) => handOff.DeliverAsync(client, message, cancellationToken);
}
