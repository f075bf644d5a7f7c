using C2C.Core.Messages;
using C2C.Core.Routing;
using C2C.Core.Validation;
using static C2C.Core.Transit.TransitStatus;

namespace C2C.Core.Transit;

/// <summary>
/// The office of departure's process manager: acceptance → amendments → release (or release at once) → records out → border passage → arrival → control results
/// → write-off (guarantee released); invalidation; incidents; diversion; time limit → overdue → enquiry.
/// Pure and deterministic: time comes in as an argument.
/// </summary>
public static class DepartureDecider
{
    private static readonly TransitStatus[] Moving = [Released, InTransit, Overdue, UnderEnquiry, EnquiryUnresolved];

    public static TransitDecision Decide(string mrn, TransitState? state, TransitEvent e, CorridorPolicy policy)
    {
        if (state is null)
        {
            // Departure is the authority for its own MRNs: one it never released is unknown for good. Whatever a
            // partner asks or reports about it is refused at once (90), and no movement is kept for it.
            return e switch
            {
                DeclarationReleased { Origin: MessageOrigin.Local } d => Release(mrn, d.Facts, d.MessageId, null),
                DeclarationLodged { Origin: MessageOrigin.Local } l => DepartureAmendments.Accept(mrn, l),
                _ => TransitDecision.Reject(ErrorCodes.UnknownMrn, $"{e.MessageType}: no movement with MRN {mrn} was released here.", Pointer(e, "MRN")),
            };
        }
        if (e is DeclarationReleased or DeclarationLodged)
            return TransitDecision.Reject(ErrorCodes.DuplicateMrn, $"MRN {state.Mrn} was already {(state.Status == Accepted ? "accepted" : "released")}.", Pointer(e, "MRN"));
        if (e.Origin == MessageOrigin.Local && e is not (InvalidationDecided or StatusRequested or DeclarationAmended or ReleaseGranted))
            return TransitDecision.Reject(ErrorCodes.RuleViolation, $"{e.MessageType} about a movement of this country comes from a partner node, not from a national office.", Pointer(e, "Header"));

        if (e is DeclarationAmended or ReleaseGranted && e.Origin != MessageOrigin.Local)
            return TransitDecision.Reject(ErrorCodes.RuleViolation, $"{e.MessageType} is the office of departure's, not a partner's.", Pointer(e, "Header"));

        return e switch
        {
            DeclarationAmended a => DepartureAmendments.Amend(state, a),
            ReleaseGranted r => DepartureAmendments.Release(state, r),
            BorderPassage p => Passage(state, p),
            ArrivalAdvised a => Arrival(state, a, policy),
            ControlResultsReported c => Results(state, c),
            InvalidationDecided i => Invalidate(state, i),
            IncidentReported i => Incident(state, i),
            RecordRequested r => Answer(state, r),
            EnquiryAnswered a => EnquiryAnswer(state, a, policy),
            StatusRequested s => new(state, [new TransitIntent(MessageCatalog.StatusResponse, IntentAction.Compose, s.SenderOffice, s.MessageId)], [], [], $"Status requested by {s.SenderOffice}: {state.Status}", null),
            InformationReceived info => new(info.Note(state), [], [], [], $"{info.MessageType} from {info.SenderOffice}: {info.Summary}", null),
            _ => OutOfSequence(state, e),
        };
    }

    /// <param name="dueAt">
    /// The timer's own due time, not the clock: the next timers follow from it (enquiry 7 days after the time limit,
    /// as NCTS counts), so a late sweep or two sweeps at once decide exactly the same.
    /// </param>
    public static TransitDecision OnDeadline(TransitState state, string kind, CorridorPolicy policy, DateTimeOffset dueAt)
    {
        var destination = state.OfficeOfDestination;
        return (kind, state.Status) switch
        {
            (DeadlineKinds.TimeLimit, Released or InTransit) => new(
                state with { Status = Overdue },
                [], [new DeadlineChange(DeadlineKinds.Enquiry, dueAt + policy.EnquiryAfterExpiry)], [],
                $"Time limit {state.Facts!.TimeLimit:yyyy-MM-dd} expired without arrival advice: movement overdue", null),
            (DeadlineKinds.Enquiry, Overdue) or (DeadlineKinds.ControlResults, Arrived) => new(
                state with { Status = UnderEnquiry },
                [new TransitIntent(MessageCatalog.EnquiryRequest, IntentAction.Compose, destination, null)],
                [new DeadlineChange(DeadlineKinds.EnquiryAnswer, dueAt + policy.EnquiryAnswerWithin)], [],
                $"Enquiry sent to {destination}", null),
            (DeadlineKinds.EnquiryAnswer, UnderEnquiry) => new(
                state.Alert("Enquiry unanswered: recovery procedure at departure") with { Status = EnquiryUnresolved },
                [], [], [], "Enquiry unanswered in time: recovery procedure at departure", null),
            _ => TransitDecision.Nothing(state),
        };
    }

    /// <summary>
    /// Release: the records go to the offices abroad on the route, carrying the declaration's version, and the time
    /// limit runs. <paramref name="accepted"/> is the accepted state released by IE029 (null for an IE015 released at once).
    /// </summary>
    internal static TransitDecision Release(string mrn, RouteFacts facts, string messageId, TransitState? accepted)
    {
        var country = facts.OfficeOfDeparture[..2];
        var records = RoutePlanner.AnticipatedRecords(country, facts.Route);
        var state = (accepted ?? new TransitState { Mrn = mrn, Role = TransitRole.Departure, Status = Released }) with
        {
            Status = Released, Facts = facts,
            RecordOffices = records.Select(r => r.Office.Office).ToList(),
        };
        var intents = records.Select(r => new TransitIntent(r.Kind, IntentAction.Compose, r.Office.Office, messageId)).ToList();
        var expiry = new DateTimeOffset(facts.TimeLimit.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        var to = records.Count == 0 ? "no office abroad on the route" : "records to " + string.Join(", ", records.Select(r => $"{r.Office.Office} ({r.Kind.Code})"));
        var version = accepted is null ? "" : $" (version {facts.Version} of the declaration)";
        return new(state, intents, [new DeadlineChange(DeadlineKinds.TimeLimit, expiry)], [],
            $"Released at {facts.OfficeOfDeparture}{version}, time limit {facts.TimeLimit:yyyy-MM-dd}; {to}", null);
    }

    /// <summary>Statuses after arrival: a report from en route that comes this late is still a fact, recorded without a change of status.</summary>
    private static readonly TransitStatus[] ArrivedOrClosed = [Arrived, UnderDiscrepancyResolution, WrittenOff];

    /// <summary>Border passages and incidents fit a movement on its way, and are recorded after its arrival too.</summary>
    private static bool TakesReportsFromEnRoute(TransitState state) => Moving.Contains(state.Status) || ArrivedOrClosed.Contains(state.Status);

    private static string LateNote(TransitState state) => ArrivedOrClosed.Contains(state.Status) ? $" (reported after the movement was {state.Status})" : "";

    private static TransitDecision Passage(TransitState state, BorderPassage p)
    {
        if (!TakesReportsFromEnRoute(state))
            return OutOfSequence(state, p);
        if (!state.RecordOffices.Contains(p.Office) && state.Facts!.Route.All(o => o.Office != p.Office))
            // Out of sequence, not wrong: the office's record request (IE114) may still be on its way.
            return TransitDecision.Reject(ErrorCodes.OutOfSequence, $"Border passage at {p.Office}, an office that is not on the route and has not requested the record.", Pointer(p, "CustomsOfficeOfTransitActual"));
        var next = state with { BorderPassages = [.. state.BorderPassages, p.Office], Status = state.Status == Released ? InTransit : state.Status };
        var seals = p.SealsIntact ? "seals intact" : "SEALS NOT INTACT";
        if (!p.SealsIntact)
            next = next.Alert($"Seals not intact at {p.Office}");
        return new(next, [], [], [], $"Border passage at {p.Office}, {seals}{LateNote(state)}", null);
    }

    private static TransitDecision Arrival(TransitState state, ArrivalAdvised a, CorridorPolicy policy)
    {
        if (!Moving.Contains(state.Status) || state.ArrivedAt is not null)
            return OutOfSequence(state, a);
        if (a.Office != state.OfficeOfDestination)
            // Out of sequence: an undeclared office's record request (IE002) comes first, and may still be on its way.
            return TransitDecision.Reject(ErrorCodes.OutOfSequence, $"Arrival advised by {a.Office}, but the office of destination is {state.OfficeOfDestination} (an undeclared office must first request the record).", Pointer(a, "CustomsOfficeOfDestinationActual"));
        var next = state with { Status = Arrived, ArrivedAt = a.ArrivedAt, ArrivalOffice = a.Office };
        return new(next, [], [new DeadlineChange(DeadlineKinds.ControlResults, a.ArrivedAt + policy.ControlResultsWithin)],
            [DeadlineKinds.TimeLimit, DeadlineKinds.Enquiry, DeadlineKinds.EnquiryAnswer],
            $"Arrival advised at {a.Office} on {a.ArrivedAt:yyyy-MM-dd HH:mm}Z", null);
    }

    private static TransitDecision Results(TransitState state, ControlResultsReported c)
    {
        // Late results still count: an enquiry about missing results is answered by the results themselves.
        if (state.ArrivedAt is null || state.Status is not (Arrived or UnderDiscrepancyResolution or UnderEnquiry or EnquiryUnresolved))
            return OutOfSequence(state, c);
        if (c.Office != state.ArrivalOffice)
            return TransitDecision.Reject(ErrorCodes.RuleViolation, $"Control results from {c.Office}, but arrival was advised by {state.ArrivalOffice}.", Pointer(c, "CustomsOfficeOfDestinationActual"));
        if (!c.Satisfactory)
        {
            return new(state.Alert($"Control results {c.ResultCode} at {c.Office}") with { Status = UnderDiscrepancyResolution, ControlResultCode = c.ResultCode },
                [], [], [DeadlineKinds.ControlResults], $"Control results {c.ResultCode} at {c.Office}: discrepancies to resolve before write-off", null);
        }
        var writtenOff = state with { Status = WrittenOff, ControlResultCode = c.ResultCode, GuaranteeReleased = true };
        var notified = RoutePlanner.OfficesToNotify(state.Facts!.OfficeOfDeparture[..2], state.RecordOffices, c.Office);
        return new(writtenOff, notified.Select(o => new TransitIntent(MessageCatalog.WriteOffNotification, IntentAction.Compose, o, c.MessageId)).ToList(), [],
            [DeadlineKinds.ControlResults, DeadlineKinds.Enquiry, DeadlineKinds.EnquiryAnswer],
            $"Control results {c.ResultCode} at {c.Office}: movement written off, guarantee released", null);
    }

    /// <summary>
    /// Invalidation only before the goods left: once a border office reported the truck (InTransit) or an incident
    /// did, the movement is ended by arrival or enquiry, never by departure's word alone (NCTS: invalidation of a
    /// released transit is for goods that did not leave).
    /// </summary>
    private static TransitDecision Invalidate(TransitState state, InvalidationDecided i)
    {
        if (state.Status is Accepted)
            return new(state with { Status = Cancelled }, [], [], [], $"Invalidated before release ({i.Justification}); no record had been sent", null);
        if (state.Status is not Released)
            return TransitDecision.Reject(ErrorCodes.OutOfSequence,
                $"IE009 refused: movement {state.Mrn} is {state.Status}; a movement can be invalidated only while Released (before any border passage or incident).", Pointer(i, "MRN"));
        var notified = RoutePlanner.OfficesToNotify(state.Facts!.OfficeOfDeparture[..2], state.RecordOffices, state.OfficeOfDestination);
        var intents = notified.Select(o => new TransitIntent(MessageCatalog.CancellationNotification, IntentAction.Compose, o, i.MessageId)).ToList();
        return new(state with { Status = Cancelled }, intents, [],
            [DeadlineKinds.TimeLimit, DeadlineKinds.Enquiry, DeadlineKinds.ControlResults, DeadlineKinds.EnquiryAnswer],
            $"Invalidated at departure ({i.Justification}); cancellation sent to {(notified.Count == 0 ? "no office abroad" : string.Join(", ", notified))}", null);
    }

    private static TransitDecision Incident(TransitState state, IncidentReported i)
    {
        if (!TakesReportsFromEnRoute(state))
            return OutOfSequence(state, i);
        var next = state.Alert($"Incident {i.Code} reported by {i.SenderOffice}") with
        {
            Incidents = state.Incidents + 1,
            Status = state.Status == Released ? InTransit : state.Status,
        };
        return new(next, [], [], [], $"Incident {i.Code} reported by {i.SenderOffice}: {i.Text}{(i.Transhipment ? " (transhipment)" : "")}{LateNote(state)}", null);
    }

    /// <summary>Diversion: an undeclared office asks for the record; it gets it unless the movement is closed.</summary>
    private static TransitDecision Answer(TransitState state, RecordRequested r)
    {
        var responseKind = r.MessageType == MessageCatalog.ArrivalRecordRequest.Code ? MessageCatalog.ArrivalRecordResponse : MessageCatalog.TransitRecordResponse;
        var refusal = state.Status switch
        {
            Accepted => "NOT_RELEASED",
            Cancelled => "CANCELLED",
            WrittenOff => "WRITTEN_OFF",
            _ => null,
        };
        var intent = new TransitIntent(responseKind, IntentAction.Compose, r.RequestingOffice, r.MessageId, refusal);
        if (refusal is not null)
            return new(state, [intent], [], [], $"Record requested by {r.RequestingOffice}: refused ({refusal})", null);
        var next = state with { RecordOffices = [.. state.RecordOffices.Append(r.RequestingOffice).Distinct()] };
        if (responseKind == MessageCatalog.ArrivalRecordResponse)
            next = next.Alert($"Diverted to {r.RequestingOffice}") with { ActualDestination = r.RequestingOffice };
        return new(next, [intent], [], [], $"Record requested by undeclared office {r.RequestingOffice}: sent ({responseKind.Code})", null);
    }

    private static TransitDecision EnquiryAnswer(TransitState state, EnquiryAnswered a, CorridorPolicy policy)
    {
        if (state.Status != UnderEnquiry)
            return OutOfSequence(state, a);
        if (a.ResponseCode == "ARRIVED" && a.ArrivedAt is { } arrivedAt)
        {
            // Results are awaited from the answer on (not from the arrival, which may be long past: that timer
            // would fire at once and send the same enquiry again).
            var resultsDue = (arrivedAt > a.AnsweredAt ? arrivedAt : a.AnsweredAt) + policy.ControlResultsWithin;
            return new(state with { Status = Arrived, ArrivedAt = arrivedAt, ArrivalOffice = state.ArrivalOffice ?? a.SenderOffice },
                [], [new DeadlineChange(DeadlineKinds.ControlResults, resultsDue)], [DeadlineKinds.EnquiryAnswer],
                $"Enquiry answered by {a.SenderOffice}: goods arrived on {arrivedAt:yyyy-MM-dd}", null);
        }
        return new(state.Alert($"Enquiry answer {a.ResponseCode}: recovery procedure at departure") with { Status = EnquiryUnresolved },
            [], [], [DeadlineKinds.EnquiryAnswer], $"Enquiry answered by {a.SenderOffice}: {a.ResponseCode}; recovery procedure at departure", null);
    }

    internal static TransitDecision OutOfSequence(TransitState state, TransitEvent e) =>
        TransitDecision.Reject(ErrorCodes.OutOfSequence, $"{e.MessageType} is out of sequence: movement {state.Mrn} is {state.Status}.", Pointer(e, "MRN"));

    internal static string Pointer(TransitEvent e, string element) =>
        $"/{MessageCatalog.FindByCode(e.MessageType)?.RootElement ?? e.MessageType}/{element}";
}
