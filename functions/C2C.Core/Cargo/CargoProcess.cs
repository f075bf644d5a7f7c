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
/// acknowledges (PA002); the arrival report (PA003) records the vessel's consignments at the import port.
/// </summary>
public sealed class CargoProcess(string nodeCountry) : IMovementProcess
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public bool Handles(ParsedMessage message) => message.Kind.Family == MessageFamily.Cargo;

    public MovementDecision Decide(string reference, MovementRecord? current, ParsedMessage m, MessageOrigin origin)
    {
        var state = current is null ? null : JsonSerializer.Deserialize<CargoState>(current.StateJson, Json);
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
            ("PA003", null, true) => Decided(new CargoState
                {
                    Status = CargoStatus.VesselArrived, Voyage = reference, PortOfDischarge = m.Value("PortOfDischarge"),
                    Consignments = m.Root.Elements(ParsedMessage.Ns + "ConsignmentReference").Select(c => c.Value).ToList(),
                }, [], $"Vessel of voyage {reference} arrived at {m.Value("PortOfDischarge")} on {XmlConvert.ToDateTimeOffset(m.Value("ActualArrivalDateTime")!):yyyy-MM-dd HH:mm}Z"),
            (_, null, _) => MovementDecision.Rejected(new MessageError(ErrorCodes.UnknownMrn, $"{m.Kind.Code}: no cargo record {reference} here.", $"/{m.Kind.RootElement}/Header")),
            _ => MovementDecision.Rejected(new MessageError(ErrorCodes.OutOfSequence, $"{m.Kind.Code} is out of sequence: cargo record {reference} is {state?.Status}.", $"/{m.Kind.RootElement}/Header")),
        };
    }

    public MovementDecision OnDeadline(MovementRecord current, string kind, DateTimeOffset now) =>
        throw new InvalidOperationException("cargo records have no timers");

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
