using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;
using static C2C.Core.Tests.Transit.Journey;

namespace C2C.Core.Tests.Transit;

public sealed class DepartureDeciderTests
{
    private static readonly CorridorPolicy Policy = CorridorPolicy.Default;

    private static TransitState Apply(TransitState? state, TransitEvent e)
    {
        var d = DepartureDecider.Decide(Mrn, state, e, Policy);
        Assert.False(d.IsRejected, d.Rejection?.Reason);
        return d.State!;
    }

    private static TransitState Released() => Apply(null, Journey.Released());

    [Fact]
    public void Release_sends_records_to_the_offices_abroad_and_sets_the_time_limit()
    {
        var d = DepartureDecider.Decide(Mrn, null, Journey.Released(), Policy);
        Assert.Equal(TransitStatus.Released, d.State!.Status);
        Assert.Equal([("IE050", "BFCIN001"), ("IE001", "BFOUA001")], d.Intents.Select(i => (i.Kind.Code, i.RecipientOffice)));
        var deadline = Assert.Single(d.SetDeadlines);
        Assert.Equal(DeadlineKinds.TimeLimit, deadline.Kind);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), deadline.DueAt);
    }

    [Fact]
    public void Happy_path_ends_written_off_with_guarantee_released()
    {
        var s = Apply(Released(), Passage(MessageOrigin.Partner));
        Assert.Equal(TransitStatus.InTransit, s.Status);
        var arrival = DepartureDecider.Decide(Mrn, s, Arrival(MessageOrigin.Partner), Policy);
        Assert.Contains(DeadlineKinds.TimeLimit, arrival.ClearDeadlines);
        Assert.Equal(DeadlineKinds.ControlResults, Assert.Single(arrival.SetDeadlines).Kind);
        var results = DepartureDecider.Decide(Mrn, arrival.State, Results(MessageOrigin.Partner), Policy);
        Assert.Equal(TransitStatus.WrittenOff, results.State!.Status);
        Assert.True(results.State.GuaranteeReleased);
        Assert.Equal(("IE045", "BFOUA001"), (Assert.Single(results.Intents).Kind.Code, results.Intents[0].RecipientOffice));
    }

    [Fact]
    public void Discrepancies_hold_the_write_off_until_satisfactory_results()
    {
        var arrived = Apply(Apply(Released(), Passage(MessageOrigin.Partner)), Arrival(MessageOrigin.Partner));
        var b1 = Apply(arrived, Results(MessageOrigin.Partner, "B1"));
        Assert.Equal(TransitStatus.UnderDiscrepancyResolution, b1.Status);
        Assert.False(b1.GuaranteeReleased);
        Assert.Equal(TransitStatus.WrittenOff, Apply(b1, Results(MessageOrigin.Partner, "A1")).Status);
    }

    [Theory]
    [InlineData("results before arrival", ErrorCodes.OutOfSequence)]
    [InlineData("unknown mrn", ErrorCodes.UnknownMrn)]
    [InlineData("second release", ErrorCodes.DuplicateMrn)]
    [InlineData("arrival at an undeclared office", ErrorCodes.OutOfSequence)]
    [InlineData("second arrival", ErrorCodes.OutOfSequence)]
    [InlineData("border report from a national office", ErrorCodes.RuleViolation)]
    public void Messages_that_make_no_sense_are_rejected_without_change(string situation, string code)
    {
        var released = Released();
        var (state, e) = situation switch
        {
            "results before arrival" => (released, (TransitEvent)Results(MessageOrigin.Partner)),
            "unknown mrn" => (null, Arrival(MessageOrigin.Partner)),
            "second release" => (released, Journey.Released()),
            "arrival at an undeclared office" => (released, Arrival(MessageOrigin.Partner, "BFBOB001")),
            "second arrival" => (Apply(released, Arrival(MessageOrigin.Partner)), Arrival(MessageOrigin.Partner)),
            _ => (released, Passage(MessageOrigin.Local)),
        };
        var d = DepartureDecider.Decide(Mrn, state, e, Policy);
        Assert.Equal(code, d.Rejection?.Code);
        Assert.Null(d.State);
        Assert.Empty(d.Intents);
    }

    [Fact]
    public void Invalidation_notifies_each_country_that_got_a_record_once_and_is_terminal()
    {
        var d = DepartureDecider.Decide(Mrn, Released(), Invalidation(), Policy);
        Assert.Equal(TransitStatus.Cancelled, d.State!.Status);
        Assert.Equal(["BFOUA001"], d.Intents.Select(i => i.RecipientOffice));
        Assert.All(d.Intents, i => Assert.Equal(MessageCatalog.CancellationNotification, i.Kind));
        Assert.Equal(ErrorCodes.OutOfSequence, DepartureDecider.Decide(Mrn, d.State, Arrival(MessageOrigin.Partner), Policy).Rejection?.Code);
    }

    public static TheoryData<string> AboutAnUnknownMrn => new() { "arrival", "record request", "transit record request", "status request", "border passage", "control results" };

    [Theory]
    [MemberData(nameof(AboutAnUnknownMrn))]
    public void Whatever_comes_about_an_mrn_departure_never_released_is_refused_90_and_keeps_no_movement(string what)
    {
        TransitEvent e = what switch
        {
            "arrival" => Arrival(MessageOrigin.Partner),
            "record request" => ArrivalRecordRequest(),
            "transit record request" => new RecordRequested("X1", "IE114", "BFDKL001", "TGLOM001", MessageOrigin.Partner, "BFDKL001"),
            "status request" => Status(MessageOrigin.Partner),
            "border passage" => Passage(MessageOrigin.Partner),
            _ => Results(MessageOrigin.Partner),
        };
        var d = DepartureDecider.Decide(Mrn, null, e, Policy);
        Assert.Equal(ErrorCodes.UnknownMrn, d.Rejection?.Code);
        Assert.Null(d.State);
        Assert.Empty(d.Intents);
        Assert.False(new Core.Exchange.TransitProcess("TG", Policy).MayWaitFor(Mrn, null), "departure never holds what can never fit");
    }

    [Fact]
    public void Invalidation_after_the_border_passage_is_refused_and_changes_nothing()
    {
        var inTransit = Apply(Released(), Passage(MessageOrigin.Partner));
        var d = DepartureDecider.Decide(Mrn, inTransit, Invalidation(), Policy);
        Assert.Equal(ErrorCodes.OutOfSequence, d.Rejection?.Code);
        Assert.Contains("only while Released", d.Rejection!.Reason);
        Assert.Null(d.State);
        Assert.Empty(d.Intents);
        var afterIncident = Apply(Released(), Incident(MessageOrigin.Partner));
        Assert.Equal(ErrorCodes.OutOfSequence, DepartureDecider.Decide(Mrn, afterIncident, Invalidation(), Policy).Rejection?.Code);
    }

    [Fact]
    public void Diversion_gives_the_record_to_the_requesting_office_which_may_then_advise_arrival()
    {
        var d = DepartureDecider.Decide(Mrn, Released(), ArrivalRecordRequest(), Policy);
        var intent = Assert.Single(d.Intents);
        Assert.Equal(("IE003", "BFBOB001", null), (intent.Kind.Code, intent.RecipientOffice, intent.Detail));
        Assert.Equal("BFBOB001", d.State!.ActualDestination);
        Assert.Equal(TransitStatus.Arrived, Apply(d.State, Arrival(MessageOrigin.Partner, "BFBOB001")).Status);
    }

    [Fact]
    public void Record_requests_after_write_off_or_cancellation_are_refused()
    {
        var cancelled = Apply(Released(), Invalidation());
        var d = DepartureDecider.Decide(Mrn, cancelled, ArrivalRecordRequest(), Policy);
        Assert.Equal("CANCELLED", Assert.Single(d.Intents).Detail);
        Assert.Equal(TransitStatus.Cancelled, d.State!.Status);
    }

    [Fact]
    public void Overdue_then_enquiry_then_answer()
    {
        var expired = DepartureDecider.OnDeadline(Released(), DeadlineKinds.TimeLimit, Policy, Release.AddDays(8));
        Assert.Equal(TransitStatus.Overdue, expired.State!.Status);
        Assert.Equal(Release.AddDays(15), Assert.Single(expired.SetDeadlines).DueAt);
        var enquiry = DepartureDecider.OnDeadline(expired.State, DeadlineKinds.Enquiry, Policy, Release.AddDays(15));
        Assert.Equal(TransitStatus.UnderEnquiry, enquiry.State!.Status);
        Assert.Equal(("IE142", "BFOUA001"), (Assert.Single(enquiry.Intents).Kind.Code, enquiry.Intents[0].RecipientOffice));
        Assert.Equal(TransitStatus.Arrived, Apply(enquiry.State, EnquiryAnswer("ARRIVED")).Status);
        Assert.Equal(TransitStatus.EnquiryUnresolved, Apply(enquiry.State, EnquiryAnswer("NOT_ARRIVED")).Status);
        Assert.Equal(TransitStatus.EnquiryUnresolved, DepartureDecider.OnDeadline(enquiry.State, DeadlineKinds.EnquiryAnswer, Policy, Release.AddDays(50)).State!.Status);
    }

    [Fact]
    public void A_deadline_that_no_longer_applies_changes_nothing()
    {
        var written = Apply(Apply(Apply(Released(), Passage(MessageOrigin.Partner)), Arrival(MessageOrigin.Partner)), Results(MessageOrigin.Partner));
        Assert.True(DepartureDecider.OnDeadline(written, DeadlineKinds.TimeLimit, Policy, Release.AddDays(30)).ChangesNothing);
    }

    [Fact]
    public void Three_countries_every_office_abroad_gets_its_record_and_every_country_the_write_off()
    {
        // Lomé → Cinkassé (Burkina Faso, transit only) → Niamey (Niger, destination).
        var facts = Facts with
        {
            OfficeOfDestination = "NENIA001",
            Route = [new RouteOffice("TGCIN001", "EXIT"), new RouteOffice("BFCIN001", "ENTRY"), new RouteOffice("BFKAN001", "EXIT"), new RouteOffice("NENIA001", RouteOffice.Destination)],
        };
        var release = DepartureDecider.Decide(Mrn, null, new DeclarationReleased("R1", "TGLOM001", "NENIA001", MessageOrigin.Local, facts), Policy);
        Assert.Equal([("IE050", "BFCIN001"), ("IE050", "BFKAN001"), ("IE001", "NENIA001")], release.Intents.Select(i => (i.Kind.Code, i.RecipientOffice)));
        var arrived = Apply(release.State, new ArrivalAdvised("A1", "NENIA001", "TGLOM001", MessageOrigin.Partner, "NENIA001", Release.AddDays(4)));
        var results = DepartureDecider.Decide(Mrn, arrived, new ControlResultsReported("C1", "NENIA001", "TGLOM001", MessageOrigin.Partner, "NENIA001", "A1"), Policy);
        Assert.Equal(TransitStatus.WrittenOff, results.State!.Status);
        // The destination first, then one office of each other country on the route: every node closes its view once.
        Assert.Equal([("IE045", "NENIA001"), ("IE045", "BFCIN001")], results.Intents.Select(i => (i.Kind.Code, i.RecipientOffice)));
    }

    [Fact]
    public void Late_control_results_after_the_enquiry_still_write_the_movement_off()
    {
        var arrived = Apply(Released(), Arrival(MessageOrigin.Partner));
        var enquiry = DepartureDecider.OnDeadline(arrived, DeadlineKinds.ControlResults, Policy, Release.AddDays(9));
        Assert.Equal(TransitStatus.UnderEnquiry, enquiry.State!.Status);
        var results = DepartureDecider.Decide(Mrn, enquiry.State, Results(MessageOrigin.Partner), Policy);
        Assert.Equal(TransitStatus.WrittenOff, results.State!.Status);
        Assert.Contains(DeadlineKinds.EnquiryAnswer, results.ClearDeadlines);
    }

    [Fact]
    public void An_arrived_answer_to_a_results_enquiry_waits_for_results_from_the_answer_on()
    {
        var arrived = Apply(Released(), Arrival(MessageOrigin.Partner));
        var resultsDue = Assert.Single(DepartureDecider.Decide(Mrn, Released(), Arrival(MessageOrigin.Partner), Policy).SetDeadlines).DueAt;
        var enquiry = DepartureDecider.OnDeadline(arrived, DeadlineKinds.ControlResults, Policy, resultsDue).State!;
        var answer = DepartureDecider.Decide(Mrn, enquiry, EnquiryAnswer("ARRIVED", arrivedAt: Release.AddDays(3)), Policy);
        Assert.Equal(TransitStatus.Arrived, answer.State!.Status);
        // A new results timer, after the answer (16 days after release) rather than after the long-past arrival:
        // the old one would fire at once and repeat the same enquiry, or, with the same due time, never fire at all.
        var next = Assert.Single(answer.SetDeadlines);
        Assert.Equal((DeadlineKinds.ControlResults, Release.AddDays(16) + Policy.ControlResultsWithin), (next.Kind, next.DueAt));
        Assert.True(next.DueAt > resultsDue);
        Assert.Equal(TransitStatus.WrittenOff, Apply(answer.State, Results(MessageOrigin.Partner)).Status);
    }

    [Fact]
    public void Timers_decide_from_their_due_time_not_from_when_they_run()
    {
        // A sweep that runs late (a node down for a day) or twice decides the same next timer.
        var expiry = Assert.Single(DepartureDecider.Decide(Mrn, null, Journey.Released(), Policy).SetDeadlines).DueAt;
        var onTime = DepartureDecider.OnDeadline(Released(), DeadlineKinds.TimeLimit, Policy, expiry);
        Assert.Equal(expiry + Policy.EnquiryAfterExpiry, Assert.Single(onTime.SetDeadlines).DueAt);
        var enquiry = DepartureDecider.OnDeadline(onTime.State!, DeadlineKinds.Enquiry, Policy, expiry + Policy.EnquiryAfterExpiry);
        Assert.Equal(expiry + Policy.EnquiryAfterExpiry + Policy.EnquiryAnswerWithin, Assert.Single(enquiry.SetDeadlines).DueAt);
    }

    [Fact]
    public void Broken_seals_and_incidents_raise_alerts()
    {
        var s = Apply(Apply(Released(), Passage(MessageOrigin.Partner, seals: false)), Incident(MessageOrigin.Partner));
        Assert.Equal(1, s.Incidents);
        Assert.Equal(2, s.Alerts.Count);
    }
}
