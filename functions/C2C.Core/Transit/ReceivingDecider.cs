using C2C.Core.Messages;
using C2C.Core.Validation;
using static C2C.Core.Transit.TransitStatus;

namespace C2C.Core.Transit;

/// <summary>
/// A receiving node's view of a movement released abroad: anticipated records in, local border passage / arrival /
/// control results forwarded to departure, write-off and cancellation in, enquiries answered. An arrival or passage
/// with no record is an alert and triggers a record request to the departure country (diversion).
/// </summary>
public static class ReceivingDecider
{
    public static TransitDecision Decide(string mrn, TransitState? state, TransitEvent e)
    {
        var expectedOrigin = e is BorderPassage or ArrivalAdvised or ControlResultsReported or IncidentReported ? MessageOrigin.Local : MessageOrigin.Partner;
        if (e is StatusRequested)
            expectedOrigin = e.Origin;
        // A national office asking the office of departure: the question goes there, its answer (IE095) comes back here.
        if (e is StatusRequested { Origin: MessageOrigin.Local } ask && ask.RecipientOffice[..2] == mrn.Substring(2, 2))
            return new(state, [Forward(MessageCatalog.StatusRequest, ask.RecipientOffice, ask)], [], [], $"Status requested by {ask.SenderOffice} from {ask.RecipientOffice}: forwarded", null);
        if (e.Origin != expectedOrigin)
            return TransitDecision.Reject(ErrorCodes.RuleViolation, $"{e.MessageType} about a movement released abroad must come from {(expectedOrigin == MessageOrigin.Local ? "a national office" : "the departure country's node")}.", DepartureDecider.Pointer(e, "Header"));
        if (state is null)
            return First(mrn, e);
        // The same end told again (for another office of ours, or re-sent after a crash): recorded, nothing changes.
        if ((e, state.Status) is (WriteOffNotified, WrittenOff) or (CancellationNotified, Cancelled))
            return new(state, [], [], [], $"{e.MessageType} from {e.SenderOffice} for {e.RecipientOffice}: already {state.Status}", null);
        // A record delayed past the end (delivered after the write-off notice) is kept, with no change of status.
        if (state.IsTerminal && e is not (StatusRequested or EnquiryRequested or InformationReceived or RecordResponded or AnticipatedRecordReceived))
            return DepartureDecider.OutOfSequence(state, e);
        var departure = state.Facts?.OfficeOfDeparture ?? NodeOffices.Gateway(mrn.Substring(2, 2));

        return e switch
        {
            AnticipatedRecordReceived r when !DeclarationVersions.Supersedes(state.Facts, r.Facts) => Older(state, r, r.Facts),
            AnticipatedRecordReceived r => Apply(state with { Facts = r.Facts, DeclarationMessageId = r.MessageId, RecordOffices = [.. state.RecordOffices.Append(r.RecipientOffice).Distinct()] },
                [], $"{r.MessageType} received for {r.RecipientOffice} (version {r.Facts.Version} of the declaration, the latest)"),
            BorderPassage p when state.Facts is { } facts && !state.RecordOffices.Contains(p.Office) && facts.Route.All(o => o.Office != p.Office) =>
                Apply(Seals(state.Alert($"Border passage at undeclared office {p.Office}") with { BorderPassages = [.. state.BorderPassages, p.Office] }, p),
                    [new TransitIntent(MessageCatalog.TransitRecordRequest, IntentAction.Compose, departure, p.MessageId, p.Office), Forward(MessageCatalog.BorderPassageNotification, departure, p)],
                    $"Border passage at undeclared office {p.Office} (diversion): record requested, passage forwarded to {departure}"),
            BorderPassage p => Apply(Seals(state with { BorderPassages = [.. state.BorderPassages, p.Office] }, p),
                [Forward(MessageCatalog.BorderPassageNotification, departure, p)], $"Border passage at {p.Office}, forwarded to {departure}"),
            ArrivalAdvised a when state.ArrivedAt is not null => DepartureDecider.OutOfSequence(state, a),
            ArrivalAdvised a when !state.RecordOffices.Contains(a.Office) && state.Facts is not null => Diverted(state, a, departure),
            ArrivalAdvised a => Apply(state with { ArrivedAt = a.ArrivedAt, ArrivalOffice = a.Office },
                [Forward(MessageCatalog.ArrivalAdvice, departure, a)], $"Arrival at {a.Office}, forwarded to {departure}"),
            ControlResultsReported c when state.ArrivalOffice != c.Office => DepartureDecider.OutOfSequence(state, c),
            ControlResultsReported c => Apply(state with { ControlResultCode = c.ResultCode },
                [Forward(MessageCatalog.ControlResults, departure, c)], $"Control results {c.ResultCode} at {c.Office}, forwarded to {departure}"),
            IncidentReported i => Apply(state.Alert($"Incident {i.Code} at {i.SenderOffice}") with { Incidents = state.Incidents + 1 },
                [Forward(MessageCatalog.IncidentNotification, departure, i)], $"Incident {i.Code} reported by {i.SenderOffice}, forwarded to {departure}"),
            RecordResponded { Facts: { } older } r when !DeclarationVersions.Supersedes(state.Facts, older) => Older(state, r, older),
            RecordResponded { Facts: { } facts } r => Apply(state with { Facts = facts, DeclarationMessageId = r.MessageId, RecordOffices = [.. state.RecordOffices.Append(r.RecipientOffice).Distinct()] },
                [], $"Record received from {r.SenderOffice} ({r.MessageType})"),
            RecordResponded r => new(state.Alert($"Record refused by departure: {r.RefusalCode}"), [], [], [], $"Record request refused by {r.SenderOffice}: {r.RefusalCode}", null),
            WriteOffNotified w => new(state with { Status = WrittenOff, GuaranteeReleased = true }, [], [], [], $"Written off at departure ({w.SenderOffice})", null),
            CancellationNotified c => new(state with { Status = Cancelled }, [], [], [], $"Cancelled by departure ({c.SenderOffice})", null),
            EnquiryRequested q => new(state, [new TransitIntent(MessageCatalog.EnquiryResponse, IntentAction.Compose, q.SenderOffice, q.MessageId)], [], [],
                $"Enquiry from {q.SenderOffice} answered: {(state.ArrivedAt is null ? "not arrived" : "arrived")}", null),
            StatusRequested s => new(state, [new TransitIntent(MessageCatalog.StatusResponse, IntentAction.Compose, s.SenderOffice, s.MessageId)], [], [], $"Status requested by {s.SenderOffice}: {state.Status}", null),
            InformationReceived info => new(info.Note(state), [], [], [], $"{info.MessageType} from {info.SenderOffice}: {info.Summary}", null),
            _ => DepartureDecider.OutOfSequence(state, e),
        };
    }

    /// <summary>Status of the receiving view, derived from its facts (so any order of records and reports is consistent).</summary>
    public static TransitStatus StatusOf(TransitState s)
    {
        if (s.Status is WrittenOff or Cancelled)
            return s.Status;
        if (s.Facts is null)
            return UnexpectedArrival;
        if (s.ControlResultCode is not null)
            return ControlResultsSent;
        if (s.ArrivedAt is not null)
            return ArrivedAtDestination;
        var borderOffices = s.Facts.Route.Where(o => o.Role != RouteOffice.Destination && s.RecordOffices.Contains(o.Office)).Select(o => o.Office);
        // A passage at an undeclared office (diversion at the border) stands in for a declared one never passed.
        var diverted = s.BorderPassages.Count(p => s.Facts.Route.All(o => o.Office != p));
        if (borderOffices.Count(o => !s.BorderPassages.Contains(o)) > diverted)
            return ExpectedAtBorder;
        return s.RecordOffices.Contains(s.Facts.OfficeOfDestination) || s.ActualDestination is not null ? ExpectedAtDestination : CrossedBorder;
    }

    private static TransitDecision First(string mrn, TransitEvent e)
    {
        var empty = new TransitState { Mrn = mrn, Role = TransitRole.Receiving, Status = UnexpectedArrival };
        var departureNode = NodeOffices.Gateway(mrn.Substring(2, 2));
        return e switch
        {
            AnticipatedRecordReceived r => Apply(empty with { Facts = r.Facts, DeclarationMessageId = r.MessageId, RecordOffices = [r.RecipientOffice] }, [],
                $"{r.MessageType} received from {r.SenderOffice}: expected at {r.RecipientOffice}"),
            ArrivalAdvised a => new(empty.Alert($"Unexpected arrival at {a.Office}: no anticipated record") with { ArrivedAt = a.ArrivedAt, ArrivalOffice = a.Office, ActualDestination = a.Office },
                [new TransitIntent(MessageCatalog.ArrivalRecordRequest, IntentAction.Compose, departureNode, a.MessageId, a.Office), Forward(MessageCatalog.ArrivalAdvice, departureNode, a)],
                [], [], $"Unexpected arrival at {a.Office}: record requested from {departureNode}", null),
            BorderPassage p => new(empty.Alert($"Unexpected border passage at {p.Office}: no anticipated record") with { BorderPassages = [p.Office] },
                [new TransitIntent(MessageCatalog.TransitRecordRequest, IntentAction.Compose, departureNode, p.MessageId, p.Office), Forward(MessageCatalog.BorderPassageNotification, departureNode, p)],
                [], [], $"Unexpected border passage at {p.Office}: record requested from {departureNode}", null),
            EnquiryRequested q => new(null, [new TransitIntent(MessageCatalog.EnquiryResponse, IntentAction.Compose, q.SenderOffice, q.MessageId, "UNKNOWN")], [], [],
                $"Enquiry from {q.SenderOffice} about an MRN never seen here", null),
            StatusRequested s => new(null, [new TransitIntent(MessageCatalog.StatusResponse, IntentAction.Compose, s.SenderOffice, s.MessageId, "UNKNOWN")], [], [], "Status requested for an unknown MRN", null),
            // Departure's answer to a status request our office forwarded: kept, though no record came here.
            InformationReceived info => new(null, [], [], [], $"{info.MessageType} from {info.SenderOffice}: {info.Summary}", null),
            _ => TransitDecision.Reject(ErrorCodes.UnknownMrn, $"{e.MessageType}: no anticipated record for this MRN.", DepartureDecider.Pointer(e, "MRN")),
        };
    }

    /// <summary>
    /// A record of an older version than the one held (reordered on the broker, replayed late): kept in the history, its
    /// office expected, its declaration not applied, so an older version never wins.
    /// </summary>
    private static TransitDecision Older(TransitState state, TransitEvent e, RouteFacts older) =>
        Apply(state with { RecordOffices = [.. state.RecordOffices.Append(e.RecipientOffice).Distinct()] }, [],
            $"{e.MessageType} for {e.RecipientOffice} carries version {older.Version} of the declaration, older than version {state.Facts!.Version} held: recorded, not applied");

    private static TransitDecision Diverted(TransitState state, ArrivalAdvised a, string departure) =>
        new(state.Alert($"Arrival at undeclared office {a.Office}") with { ArrivedAt = a.ArrivedAt, ArrivalOffice = a.Office, ActualDestination = a.Office, Status = ArrivedAtDestination },
            [new TransitIntent(MessageCatalog.ArrivalRecordRequest, IntentAction.Compose, departure, a.MessageId, a.Office), Forward(MessageCatalog.ArrivalAdvice, departure, a)],
            [], [], $"Arrival at undeclared office {a.Office} (diversion): record requested, arrival forwarded to {departure}", null);

    private static TransitState Seals(TransitState s, BorderPassage p) => p.SealsIntact ? s : s.Alert($"Seals not intact at {p.Office}");

    private static TransitIntent Forward(MessageKind kind, string departure, TransitEvent e) => new(kind, IntentAction.ForwardOriginal, departure, e.MessageId);

    private static TransitDecision Apply(TransitState s, IReadOnlyList<TransitIntent> intents, string history) =>
        new(s with { Status = StatusOf(s) }, intents, [], [], history, null);
}
