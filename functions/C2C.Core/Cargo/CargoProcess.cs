using C2C.Core.Composition;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Cargo;

/// <summary>
/// <see cref="CargoDecider"/> for the table-based exchange (<see cref="MessageExchange"/>): decides on the indexed
/// record, and matches a vessel's consignments through an arrival timer due at once and its follow-ups (so a crash
/// half-way is resumed by the sweep). The durable engine uses the decider directly; this goes with the exchange.
/// </summary>
public sealed class CargoProcess(string nodeCountry) : IMovementProcess
{
    /// <summary>Timer set by an arrival report, due at once: the match against pre-arrival data.</summary>
    public const string ArrivalMatch = "ArrivalMatch";

    public static bool IsCargo(MovementRecord record) => record.Attributes.TryGetValue("Family", out var family) && family == "Cargo";

    public bool Owns(MovementRecord record) => IsCargo(record);

    public bool Handles(ParsedMessage message) => message.Kind.Family == MessageFamily.Cargo;

    public MovementDecision Decide(string reference, MovementRecord? current, ParsedMessage m, MessageOrigin origin)
    {
        var decision = CargoDecider.Decide(reference, nodeCountry, StateOf(current), CargoEventReader.Read(m)).ToMovement();
        // The report is the fact of arrival: the match is due at once.
        return m.Kind == MessageCatalog.CargoArrivalReport && decision.Rejection is null
            ? decision with { SetDeadlines = [new DeadlineChange(ArrivalMatch, DeadlineChange.Immediately)] }
            : decision;
    }

    /// <summary>The voyage itself does not change when its arrival is matched; the consignments do (<see cref="FollowUps"/>).</summary>
    public MovementDecision OnDeadline(MovementRecord current, string kind, DateTimeOffset dueAt) =>
        kind == ArrivalMatch ? new CargoDecision(StateOf(current), [], "", null, Changes: false).ToMovement() : throw new InvalidOperationException($"cargo records have no {kind} timer");

    public IReadOnlyList<FollowUp> FollowUps(MovementRecord current, string kind)
    {
        var voyage = StateOf(current)!;
        if (kind != ArrivalMatch || voyage.Status != CargoStatus.VesselArrived)
            return [];
        var arrival = new ConsignmentArrived("", current.MovementReference, voyage.PortOfDischarge, voyage.ArrivedAt!.Value, "");
        return voyage.Consignments.Select(c => new FollowUp(c, ConsignmentArrived.EventType,
            consignment => CargoDecider.Decide(c, nodeCountry, StateOf(consignment), arrival) is { Changes: true } matched ? matched.ToMovement() : null)).ToList();
    }

    public bool NeedsDeclaration(TransitIntent intent) => false;

    public byte[] Compose(TransitIntent intent, string messageId, string reference, string? stateJsonAfter, ParsedMessage? declaration, DateTimeOffset now) =>
        CargoComposer.Compose(intent, messageId, reference, CargoStateSerializer.Deserialize(stateJsonAfter!), now);

    private static CargoState? StateOf(MovementRecord? record) => MovementDecision.HasState(record) ? CargoStateSerializer.Deserialize(record!.StateJson) : null;
}
