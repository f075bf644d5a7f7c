using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Orchestration.Cargo;
using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;

namespace C2C.Orchestration;

/// <summary>
/// Routes a message to its movement's orchestration by what it is about: a SASEC cargo record (PA001-PA003 and the
/// arrivals a voyage raises: <see cref="CargoMovementOrchestrator"/>, <c>cargo-{reference}</c>) or a transit movement
/// (an 18-character MRN: <see cref="TransitMovementOrchestrator"/>, <c>transit-{MRN}</c>).
/// </summary>
public static class MovementRoutes
{
    public static MovementRoute Of(MovementMessage message) =>
        message.IsCargo
            ? new(MovementInstances.Cargo(message.MovementReference), nameof(CargoMovementOrchestrator))
            : new(MovementInstances.Transit(message.MovementReference), nameof(TransitMovementOrchestrator));

    /// <summary>The input that starts the message's movement here with the message as its first (a <see cref="CargoStart"/> or a <see cref="TransitStart"/>).</summary>
    /// <param name="record">The movement's indexed record, if it has one: a movement whose orchestration ended opens again from its state.</param>
    public static object Start(MovementMessage message, string nodeCountry, CorridorPolicy policy, MovementTimes times, MovementRecord? record)
    {
        var state = MovementDecision.HasState(record) ? record!.StateJson : null;
        return message.IsCargo
            ? new CargoStart(message.MovementReference, nodeCountry, times, message, state)
            : new TransitStart(message.MovementReference, nodeCountry, policy, times, message, state);
    }
}
