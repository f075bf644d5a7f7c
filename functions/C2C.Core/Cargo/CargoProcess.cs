using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using C2C.Core.Composition;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;
using static C2C.Core.Composition.MessageComposer;

namespace C2C.Core.Cargo;

/// <summary>
/// SASEC pre-arrival cargo data: the export node forwards PA001 to the import country; the import node targets it and
/// acknowledges (PA002); the arrival report (PA003) records the vessel's consignments at the import port, and its
/// arrival timer matches each of them against the pre-arrival data (matched, or arrived without any: an alert).
/// </summary>
public sealed class CargoProcess(string nodeCountry) : IMovementProcess
{
    /// <summary>Timer set by an arrival report, due at once: the match against pre-arrival data (a timer, so a crash half-way is resumed by the sweep).</summary>
    public const string ArrivalMatch = "ArrivalMatch";

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static bool IsCargo(MovementRecord record) => record.Attributes.TryGetValue("Family", out var family) && family == "Cargo";

    public bool Owns(MovementRecord record) => IsCargo(record);

    public bool Handles(ParsedMessage message) => message.Kind.Family == MessageFamily.Cargo;

    public MovementDecision Decide(string reference, MovementRecord? current, ParsedMessage m, MessageOrigin origin)
    {
        var state = MovementDecision.HasState(current) ? State(current!) : null;
        var local = m.Header.SenderOffice[..2] == nodeCountry;
        return (m.Kind.Code, state?.Status, local) switch
        {
            ("PA001", null, true) => Decided(new CargoState { Status = CargoStatus.Sent, Voyage = m.Value("VoyageReference"), PortOfDischarge = m.Value("PortOfDischarge") },
                [new TransitIntent(MessageCatalog.PreArrivalCargoData, IntentAction.ForwardOriginal, m.Header.RecipientOffice, m.Header.MessageId)],
                $"Pre-arrival data for {reference} sent to {m.Header.RecipientOffice}"),
            ("PA001", null or CargoStatus.Announced, false) => Announce(m),
            ("PA002", CargoStatus.Sent or CargoStatus.Acknowledged, false) => Decided(state! with
                {
                    Status = CargoStatus.Acknowledged,
                    RiskFlags = m.Root.Elements(ParsedMessage.Ns + "RiskFlag").Select(f => f.Element(ParsedMessage.Ns + "Code")!.Value).ToList(),
                }, [], $"Acknowledged by {m.Header.SenderOffice}: {m.Value("Status")}"),
            ("PA003", null, true) => VesselArrived(reference, m),
            (_, null, _) => MovementDecision.Rejected(new MessageError(ErrorCodes.UnknownMrn, $"{m.Kind.Code}: no cargo record {reference} here.", $"/{m.Kind.RootElement}/Header")),
            _ => MovementDecision.Rejected(new MessageError(ErrorCodes.OutOfSequence, $"{m.Kind.Code} is out of sequence: cargo record {reference} is {state?.Status}.", $"/{m.Kind.RootElement}/Header")),
        };
    }

    /// <summary>The voyage itself does not change when its arrival is matched; the consignments do (<see cref="FollowUps"/>).</summary>
    public MovementDecision OnDeadline(MovementRecord current, string kind, DateTimeOffset dueAt) =>
        kind == ArrivalMatch ? Decided(State(current), [], "") with { Persist = false } : throw new InvalidOperationException($"cargo records have no {kind} timer");

    public IReadOnlyList<FollowUp> FollowUps(MovementRecord current, string kind)
    {
        var voyage = State(current);
        if (kind != ArrivalMatch || voyage.Status != CargoStatus.VesselArrived)
            return [];
        return voyage.Consignments.Select(c => new FollowUp(c, "ARRIVAL", consignment => MatchArrival(consignment, current.MovementReference, voyage))).ToList();
    }

    private static MovementDecision? MatchArrival(MovementRecord? consignment, string voyageReference, CargoState voyage)
    {
        var state = MovementDecision.HasState(consignment) ? State(consignment!) : null;
        return state?.Status switch
        {
            null => Decided(new CargoState
                {
                    Status = CargoStatus.ArrivedWithoutPreArrival, Voyage = voyageReference, PortOfDischarge = voyage.PortOfDischarge, ArrivedAt = voyage.ArrivedAt,
                    RiskFlags = ["NO-PRE-ARRIVAL|Arrived without pre-arrival cargo data: not risk-assessed before arrival"],
                }, [], $"Arrived on voyage {voyageReference} without pre-arrival data: alert"),
            CargoStatus.Announced => Decided(state with { Status = CargoStatus.Arrived, ArrivedAt = voyage.ArrivedAt },
                [], $"Arrived on voyage {voyageReference}: matches the pre-arrival data ({state.RiskFlags.Count} risk flag(s) to check)"),
            _ => null, // already matched
        };
    }

    private static MovementDecision VesselArrived(string reference, ParsedMessage m)
    {
        var arrivedAt = XmlConvert.ToDateTimeOffset(m.Value("ActualArrivalDateTime")!);
        var state = new CargoState
        {
            Status = CargoStatus.VesselArrived, Voyage = reference, PortOfDischarge = m.Value("PortOfDischarge"), ArrivedAt = arrivedAt,
            Consignments = m.Root.Elements(ParsedMessage.Ns + "ConsignmentReference").Select(c => c.Value).Distinct().ToList(),
        };
        return Decided(state, [], $"Vessel of voyage {reference} arrived at {state.PortOfDischarge} on {arrivedAt:yyyy-MM-dd HH:mm}Z with {state.Consignments.Count} consignment(s)")
            with { SetDeadlines = [new DeadlineChange(ArrivalMatch, DeadlineChange.Immediately)] }; // the report is the fact of arrival
    }

    private static CargoState State(MovementRecord record) => JsonSerializer.Deserialize<CargoState>(record.StateJson, Json)!;

    public bool NeedsDeclaration(TransitIntent intent) => false;

    public byte[] Compose(TransitIntent intent, string messageId, string reference, string? stateJsonAfter, ParsedMessage? declaration, DateTimeOffset now)
    {
        var state = JsonSerializer.Deserialize<CargoState>(stateJsonAfter!, Json)!;
        var header = new MessageHeader(messageId, intent.CorrelationId, MessageCatalog.PreArrivalCargoAck.Code, now, intent.Detail!, intent.RecipientOffice);
        var flags = state.RiskFlags.Select(f => f.Split('|', 2)).Select(f => Element("RiskFlag", new object[] { Element("Code", f[0]), Element("Text", f[1]) }));
        return MessageComposer.Compose(MessageCatalog.PreArrivalCargoAck, header,
            Element("ConsignmentReference", reference), Element("Status", state.RiskFlags.Count == 0 ? "ACCEPTED" : "ACCEPTED_WITH_FLAGS"), flags);
    }

    private MovementDecision Announce(ParsedMessage m)
    {
        var flags = CargoTargeting.Flags(m);
        var state = new CargoState
        {
            Status = CargoStatus.Announced, Voyage = m.Value("VoyageReference"), PortOfDischarge = m.Value("PortOfDischarge"),
            EstimatedArrival = XmlConvert.ToDateTimeOffset(m.Value("EstimatedArrivalDateTime")!),
            RiskFlags = flags.Select(f => $"{f.Code}|{f.Text}").ToList(),
        };
        var ack = new TransitIntent(MessageCatalog.PreArrivalCargoAck, IntentAction.Compose, m.Header.SenderOffice, m.Header.MessageId, m.Header.RecipientOffice);
        return Decided(state, [ack], $"Pre-arrival data from {m.Header.SenderOffice}, vessel due {state.EstimatedArrival:yyyy-MM-dd HH:mm}Z; {flags.Count} risk flag(s)");
    }

    private static MovementDecision Decided(CargoState state, IReadOnlyList<TransitIntent> intents, string history)
    {
        var attributes = new Dictionary<string, string> { ["Family"] = "Cargo" };
        if (state.Voyage is { } voyage)
            attributes["Voyage"] = voyage;
        return new MovementDecision(state.Status.ToString(), JsonSerializer.Serialize(state, Json), attributes, intents, [], [], history, null);
    }
}
