using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Cargo;

/// <summary>
/// SASEC pre-arrival cargo data, decided on a record's state: the export node forwards PA001 to the import country;
/// the import node targets it and acknowledges (PA002); an arrival report (PA003) records a voyage's vessel at the
/// import port, and each consignment on board is then matched against its pre-arrival data (<see cref="ConsignmentArrived"/>):
/// arrived as announced, or arrived without any (an alert). Pure: the same state and event give the same decision.
/// </summary>
public static class CargoDecider
{
    /// <param name="reference">The record's reference: a consignment (transport document) or, for PA003, a voyage.</param>
    /// <param name="nodeCountry">A message from an office of this country is the node's own (export side, arrival reports).</param>
    public static CargoDecision Decide(string reference, string nodeCountry, CargoState? state, CargoEvent e)
    {
        if (e is ConsignmentArrived arrival)
            return Arrive(state, arrival);
        var local = e.SenderOffice[..2] == nodeCountry;
        return (e, state?.Status, local) switch
        {
            (PreArrivalDataReceived d, null, true) => new(new CargoState { Status = CargoStatus.Sent, Voyage = d.Voyage, PortOfDischarge = d.PortOfDischarge },
                [new TransitIntent(MessageCatalog.PreArrivalCargoData, IntentAction.ForwardOriginal, d.RecipientOffice, d.MessageId)],
                $"Pre-arrival data for {reference} sent to {d.RecipientOffice}", null),
            (PreArrivalDataReceived d, null or CargoStatus.Announced, false) => Announce(d),
            (PreArrivalAcknowledged a, CargoStatus.Sent or CargoStatus.Acknowledged, false) =>
                new(state! with { Status = CargoStatus.Acknowledged, RiskFlags = a.RiskFlagCodes }, [], $"Acknowledged by {a.SenderOffice}: {a.Status}", null),
            (VesselArrivalReported v, null, true) => VesselArrived(reference, v),
            (_, null, _) => CargoDecision.Refused(new MessageError(ErrorCodes.UnknownMrn, $"{e.MessageType}: no cargo record {reference} here.", Header(e))),
            _ => CargoDecision.Refused(new MessageError(ErrorCodes.OutOfSequence, $"{e.MessageType} is out of sequence: cargo record {reference} is {state?.Status}.", Header(e))),
        };
    }

    /// <summary>Export side acknowledged, import side arrived (matched or not), a voyage's arrival recorded: nothing more is expected.</summary>
    public static bool IsClosed(CargoStatus status) =>
        status is CargoStatus.Acknowledged or CargoStatus.VesselArrived or CargoStatus.Arrived or CargoStatus.ArrivedWithoutPreArrival;

    /// <summary>A consignment on board an arrived vessel: matched against its pre-arrival data, or flagged for arriving without.</summary>
    private static CargoDecision Arrive(CargoState? state, ConsignmentArrived a) => state?.Status switch
    {
        null => new(new CargoState
            {
                Status = CargoStatus.ArrivedWithoutPreArrival, Voyage = a.Voyage, PortOfDischarge = a.PortOfDischarge, ArrivedAt = a.ArrivedAt,
                RiskFlags = ["NO-PRE-ARRIVAL|Arrived without pre-arrival cargo data: not risk-assessed before arrival"],
            }, [], $"Arrived on voyage {a.Voyage} without pre-arrival data: alert", null),
        CargoStatus.Announced => new(state with { Status = CargoStatus.Arrived, ArrivedAt = a.ArrivedAt }, [],
            $"Arrived on voyage {a.Voyage}: matches the pre-arrival data ({state.RiskFlags.Count} risk flag(s) to check)", null),
        _ => new(state, [], $"Reported on voyage {a.Voyage} too: already {state.Status}, nothing changes", null, Changes: false),
    };

    private static CargoDecision VesselArrived(string reference, VesselArrivalReported v)
    {
        var state = new CargoState
        {
            Status = CargoStatus.VesselArrived, Voyage = reference, PortOfDischarge = v.PortOfDischarge, ArrivedAt = v.ArrivedAt, Consignments = v.Consignments,
        };
        return new(state, [], $"Vessel of voyage {reference} arrived at {state.PortOfDischarge} on {v.ArrivedAt:yyyy-MM-dd HH:mm}Z with {state.Consignments.Count} consignment(s)", null);
    }

    private static CargoDecision Announce(PreArrivalDataReceived d)
    {
        var flags = CargoTargeting.Flags(d.CommodityCodes, d.HasConsignee);
        var state = new CargoState
        {
            Status = CargoStatus.Announced, Voyage = d.Voyage, PortOfDischarge = d.PortOfDischarge, EstimatedArrival = d.EstimatedArrival,
            RiskFlags = flags.Select(f => $"{f.Code}|{f.Text}").ToList(),
        };
        var ack = new TransitIntent(MessageCatalog.PreArrivalCargoAck, IntentAction.Compose, d.SenderOffice, d.MessageId, d.RecipientOffice);
        return new(state, [ack], $"Pre-arrival data from {d.SenderOffice}, vessel due {state.EstimatedArrival:yyyy-MM-dd HH:mm}Z; {flags.Count} risk flag(s)", null);
    }

    private static string Header(CargoEvent e) => $"/{MessageCatalog.FindByCode(e.MessageType)?.RootElement ?? e.MessageType}/Header";
}
