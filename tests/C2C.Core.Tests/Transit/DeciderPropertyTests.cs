using C2C.Core.Transit;
using CsCheck;
using static C2C.Core.Tests.Transit.Journey;

namespace C2C.Core.Tests.Transit;

/// <summary>
/// Any order of any events, duplicates included: the deciders never reach an illegal state, follow the declared
/// transition table, account for every event (applied or rejected with a code), never emit the same message twice
/// for one trigger, keep terminal states terminal, and the state survives JSON.
/// </summary>
public sealed class DeciderPropertyTests
{
    private static readonly TransitStatus[] DepartureStatuses =
    [
        TransitStatus.Released, TransitStatus.InTransit, TransitStatus.Arrived, TransitStatus.UnderDiscrepancyResolution,
        TransitStatus.WrittenOff, TransitStatus.Cancelled, TransitStatus.Overdue, TransitStatus.UnderEnquiry, TransitStatus.EnquiryUnresolved,
    ];

    /// <summary>Every status change the departure view may make (self-loops are always allowed).</summary>
    private static readonly HashSet<(TransitStatus, TransitStatus)> DepartureTransitions =
    [
        (TransitStatus.Released, TransitStatus.InTransit), (TransitStatus.Released, TransitStatus.Arrived),
        (TransitStatus.Released, TransitStatus.Cancelled), (TransitStatus.Released, TransitStatus.Overdue),
        (TransitStatus.InTransit, TransitStatus.Arrived), (TransitStatus.InTransit, TransitStatus.Cancelled), (TransitStatus.InTransit, TransitStatus.Overdue),
        (TransitStatus.Overdue, TransitStatus.Arrived), (TransitStatus.Overdue, TransitStatus.UnderEnquiry),
        (TransitStatus.UnderEnquiry, TransitStatus.Arrived), (TransitStatus.UnderEnquiry, TransitStatus.EnquiryUnresolved),
        (TransitStatus.EnquiryUnresolved, TransitStatus.Arrived),
        (TransitStatus.Arrived, TransitStatus.WrittenOff), (TransitStatus.Arrived, TransitStatus.UnderDiscrepancyResolution), (TransitStatus.Arrived, TransitStatus.UnderEnquiry),
        (TransitStatus.UnderDiscrepancyResolution, TransitStatus.WrittenOff),
        // Late control results answer an enquiry about them.
        (TransitStatus.UnderEnquiry, TransitStatus.WrittenOff), (TransitStatus.UnderEnquiry, TransitStatus.UnderDiscrepancyResolution),
        (TransitStatus.EnquiryUnresolved, TransitStatus.WrittenOff), (TransitStatus.EnquiryUnresolved, TransitStatus.UnderDiscrepancyResolution),
    ];

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private abstract record Step;
    private sealed record Message(TransitEvent Event) : Step;
    private sealed record Timer(string Kind) : Step;

    private static readonly Gen<Step> DepartureStep = Gen.OneOf<Step>(
        Gen.Const(0).Select(_ => (Step)new Message(Journey.Released())),
        Gen.Bool.Select(seals => (Step)new Message(Passage(MessageOrigin.Partner, seals: seals))),
        Pick("BFOUA001", "BFBOB001").Select(o => (Step)new Message(Arrival(MessageOrigin.Partner, o))),
        Pick("A1", "B1", "C1").Select(c => (Step)new Message(Results(MessageOrigin.Partner, c))),
        Gen.Const(0).Select(_ => (Step)new Message(Invalidation())),
        Gen.Const(0).Select(_ => (Step)new Message(Incident(MessageOrigin.Partner))),
        Gen.Const(0).Select(_ => (Step)new Message(ArrivalRecordRequest())),
        Pick("ARRIVED", "NOT_ARRIVED").Select(c => (Step)new Message(EnquiryAnswer(c))),
        Gen.Const(0).Select(_ => (Step)new Message(Status(MessageOrigin.Partner))),
        Gen.Const(0).Select(_ => (Step)new Message(Passage(MessageOrigin.Local))),
        Pick(DeadlineKinds.TimeLimit, DeadlineKinds.ControlResults, DeadlineKinds.Enquiry, DeadlineKinds.EnquiryAnswer).Select(k => (Step)new Timer(k)));

    private static readonly Gen<TransitEvent> ReceivingEvent = Gen.OneOf(
        Gen.Const(0).Select(_ => (TransitEvent)TransitRecord()),
        Gen.Const(0).Select(_ => (TransitEvent)ArrivalRecord()),
        Gen.Bool.Select(s => (TransitEvent)Passage(MessageOrigin.Local, seals: s)),
        Pick("BFOUA001", "BFBOB001").Select(o => (TransitEvent)Arrival(MessageOrigin.Local, o)),
        Gen.Const(0).Select(_ => (TransitEvent)Results(MessageOrigin.Local)),
        Gen.Const(0).Select(_ => (TransitEvent)Incident(MessageOrigin.Local)),
        Gen.Const(0).Select(_ => (TransitEvent)WriteOff()),
        Gen.Const(0).Select(_ => (TransitEvent)Cancellation()),
        Gen.Const(0).Select(_ => (TransitEvent)Enquiry()),
        Gen.Const(0).Select(_ => (TransitEvent)Arrival(MessageOrigin.Partner)));

    [Fact]
    public void Departure_view_holds_its_invariants_for_any_sequence() =>
        DepartureStep.Array[1, 30].Sample(steps =>
        {
            TransitState? state = null;
            var now = Release;
            foreach (var step in steps)
            {
                now = now.AddDays(1);
                TransitDecision d;
                if (step is Timer t)
                {
                    if (state is null)
                        continue;
                    d = DepartureDecider.OnDeadline(state, t.Kind, CorridorPolicy.Default, now);
                }
                else
                {
                    d = DepartureDecider.Decide(Mrn, state, ((Message)step).Event, CorridorPolicy.Default);
                }
                if (!Check(state, d, DepartureStatuses, DepartureTransitions))
                    return false;
                if (!d.IsRejected && d.State is not null)
                    state = d.State;
            }
            return true;
        });

    [Fact]
    public void Receiving_view_holds_its_invariants_for_any_sequence() =>
        ReceivingEvent.Array[1, 30].Sample(events =>
        {
            TransitState? state = null;
            foreach (var e in events)
            {
                var d = ReceivingDecider.Decide(Mrn, state, e);
                var legal = Enum.GetValues<TransitStatus>().Except(DepartureStatuses.Except([TransitStatus.WrittenOff, TransitStatus.Cancelled])).ToArray();
                if (!Check(state, d, legal, null))
                    return false;
                // Forwarded reports always go to the office of departure of the MRN's country.
                if (d.Intents.Any(i => !i.RecipientOffice.StartsWith("TG", StringComparison.Ordinal)))
                    return false;
                if (!d.IsRejected && d.State is not null)
                    state = d.State;
            }
            return true;
        });

    private static bool Check(TransitState? before, TransitDecision d, TransitStatus[] legal, HashSet<(TransitStatus, TransitStatus)>? transitions)
    {
        if (d.IsRejected)
            return d.State is null && d.Intents.Count == 0 && d.Rejection!.Code.Length == 2 && d.Rejection.Pointer.StartsWith('/');
        if (d.State is null)
            return before is null; // an answer about an unknown movement (status, enquiry, record request) keeps no state
        if (!legal.Contains(d.State.Status))
            return false;
        if (before is { IsTerminal: true } && d.State.Status != before.Status)
            return false;
        if (transitions is not null && before is not null && before.Status != d.State.Status && !transitions.Contains((before.Status, d.State.Status)))
            return false;
        if (d.Intents.GroupBy(i => (i.Kind.Code, i.RecipientOffice)).Any(g => g.Count() > 1))
            return false;
        if (d.History.Length == 0 && !d.ChangesNothing)
            return false;
        return TransitStateSerializer.Deserialize(TransitStateSerializer.Serialize(d.State)) is var back
            && back.Status == d.State.Status && back.Alerts.SequenceEqual(d.State.Alerts) && back.RecordOffices.SequenceEqual(d.State.RecordOffices)
            && back.Facts?.Route.SequenceEqual(d.State.Facts?.Route ?? []) != false;
    }
}
