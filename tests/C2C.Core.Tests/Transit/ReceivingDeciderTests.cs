using C2C.Core.Transit;
using C2C.Core.Validation;
using static C2C.Core.Tests.Transit.Journey;

namespace C2C.Core.Tests.Transit;

public sealed class ReceivingDeciderTests
{
    private static TransitState Apply(TransitState? state, TransitEvent e)
    {
        var d = ReceivingDecider.Decide(Mrn, state, e);
        Assert.False(d.IsRejected, d.Rejection?.Reason);
        return d.State!;
    }

    [Fact]
    public void Records_in_any_order_expect_the_truck_at_the_border_first()
    {
        Assert.Equal(TransitStatus.ExpectedAtBorder, Apply(Apply(null, ArrivalRecord()), TransitRecord()).Status);
        Assert.Equal(TransitStatus.ExpectedAtBorder, Apply(Apply(null, TransitRecord()), ArrivalRecord()).Status);
        Assert.Equal(TransitStatus.ExpectedAtDestination, Apply(null, ArrivalRecord()).Status);
    }

    [Fact]
    public void Local_reports_are_forwarded_to_the_office_of_departure()
    {
        var expected = Apply(Apply(null, TransitRecord()), ArrivalRecord());
        var passage = ReceivingDecider.Decide(Mrn, expected, Passage(MessageOrigin.Local));
        Assert.Equal(TransitStatus.ExpectedAtDestination, passage.State!.Status);
        var forward = Assert.Single(passage.Intents);
        Assert.Equal((IntentAction.ForwardOriginal, "IE118", "TGLOM001"), (forward.Action, forward.Kind.Code, forward.RecipientOffice));
        var arrived = Apply(passage.State, Arrival(MessageOrigin.Local));
        Assert.Equal(TransitStatus.ArrivedAtDestination, arrived.Status);
        Assert.Equal(TransitStatus.ControlResultsSent, Apply(arrived, Results(MessageOrigin.Local)).Status);
        Assert.Equal(TransitStatus.WrittenOff, Apply(Apply(arrived, Results(MessageOrigin.Local)), WriteOff()).Status);
    }

    [Fact]
    public void Unexpected_arrival_requests_the_record_from_the_departure_country()
    {
        var d = ReceivingDecider.Decide(Mrn, null, Arrival(MessageOrigin.Local, "BFBOB001"));
        Assert.Equal(TransitStatus.UnexpectedArrival, d.State!.Status);
        Assert.NotEmpty(d.State.Alerts);
        Assert.Equal([("IE002", "TGC2C000"), ("IE006", "TGC2C000")], d.Intents.Select(i => (i.Kind.Code, i.RecipientOffice)));
        var record = Apply(d.State, new RecordResponded("R1", "IE003", "TGLOM001", "BFBOB001", MessageOrigin.Partner, Facts, null));
        Assert.Equal(TransitStatus.ArrivedAtDestination, record.Status);
    }

    [Fact]
    public void Cancelled_movement_refuses_local_reports()
    {
        var cancelled = Apply(Apply(null, ArrivalRecord()), Cancellation());
        Assert.Equal(TransitStatus.Cancelled, cancelled.Status);
        Assert.Equal(ErrorCodes.OutOfSequence, ReceivingDecider.Decide(Mrn, cancelled, Arrival(MessageOrigin.Local)).Rejection?.Code);
    }

    [Fact]
    public void A_transit_only_country_closes_its_view_when_told_of_the_write_off()
    {
        var crossed = Apply(Apply(null, TransitRecord()), Passage(MessageOrigin.Local));
        Assert.Equal(TransitStatus.CrossedBorder, crossed.Status);
        Assert.Equal(TransitStatus.WrittenOff, Apply(crossed, WriteOff()).Status);
    }

    [Fact]
    public void The_same_end_told_again_is_recorded_and_changes_nothing()
    {
        var written = Apply(Apply(null, ArrivalRecord()), WriteOff());
        var again = ReceivingDecider.Decide(Mrn, written, WriteOff());
        Assert.False(again.IsRejected);
        Assert.Equal((TransitStatus.WrittenOff, 0), (again.State!.Status, again.Intents.Count));
        Assert.False(again.ChangesNothing); // recorded in the history
        var cancelled = Apply(Apply(null, ArrivalRecord()), Cancellation());
        Assert.False(ReceivingDecider.Decide(Mrn, cancelled, Cancellation()).IsRejected);
        // A different end is still out of sequence.
        Assert.Equal(ErrorCodes.OutOfSequence, ReceivingDecider.Decide(Mrn, cancelled, WriteOff()).Rejection?.Code);
    }

    [Fact]
    public void A_status_request_to_the_office_of_departure_goes_there_and_its_answer_is_kept()
    {
        var expected = Apply(null, ArrivalRecord());
        var ask = new StatusRequested("S1", "BFOUA001", "TGLOM001", MessageOrigin.Local);
        var forwarded = ReceivingDecider.Decide(Mrn, expected, ask);
        var intent = Assert.Single(forwarded.Intents);
        Assert.Equal((IntentAction.ForwardOriginal, "IE094", "TGLOM001"), (intent.Action, intent.Kind.Code, intent.RecipientOffice));
        Assert.Equal(expected.Status, forwarded.State!.Status);
        // The answer: recorded without an alert (a NACK would raise one), also when no record ever came here.
        var answer = new InformationReceived("S2", "IE095", "TGLOM001", "BFOUA001", MessageOrigin.Partner, "status InTransit");
        Assert.Empty(Apply(expected, answer).Alerts);
        Assert.False(ReceivingDecider.Decide(Mrn, null, answer).IsRejected);
        Assert.NotEmpty(Apply(expected, answer with { MessageType = "IE906" }).Alerts);
        // Asked of this node's own office, this node answers from its view.
        var local = ReceivingDecider.Decide(Mrn, expected, new StatusRequested("S3", "BFOUA001", "BFC2C000", MessageOrigin.Local));
        Assert.Equal(("IE095", "BFOUA001"), (Assert.Single(local.Intents).Kind.Code, local.Intents[0].RecipientOffice));
    }

    [Fact]
    public void A_passage_at_an_undeclared_border_office_requests_the_transit_record()
    {
        var expected = Apply(Apply(null, TransitRecord()), ArrivalRecord());
        var d = ReceivingDecider.Decide(Mrn, expected, Passage(MessageOrigin.Local, office: "BFDKL001"));
        Assert.Equal([("IE114", "TGLOM001", "BFDKL001"), ("IE118", "TGLOM001", null)], d.Intents.Select(i => (i.Kind.Code, i.RecipientOffice, i.Detail)));
        Assert.NotEmpty(d.State!.Alerts);
        Assert.Equal(TransitStatus.ExpectedAtDestination, d.State.Status); // it crossed, elsewhere
        var record = Apply(d.State, new RecordResponded("R2", "IE115", "TGLOM001", "BFDKL001", MessageOrigin.Partner, Facts, null));
        Assert.Contains("BFDKL001", record.RecordOffices);
        Assert.Equal(TransitStatus.ExpectedAtDestination, record.Status);
    }

    [Fact]
    public void Enquiry_is_answered_from_this_nodes_view()
    {
        var notArrived = ReceivingDecider.Decide(Mrn, Apply(null, ArrivalRecord()), Enquiry());
        Assert.Equal("IE143", Assert.Single(notArrived.Intents).Kind.Code);
        var unknown = ReceivingDecider.Decide(Mrn, null, Enquiry());
        Assert.Equal("UNKNOWN", Assert.Single(unknown.Intents).Detail);
        Assert.Null(unknown.State);
    }

    [Fact]
    public void Messages_from_the_wrong_side_are_refused()
    {
        Assert.Equal(ErrorCodes.RuleViolation, ReceivingDecider.Decide(Mrn, null, Arrival(MessageOrigin.Partner)).Rejection?.Code);
        Assert.Equal(ErrorCodes.RuleViolation, ReceivingDecider.Decide(Mrn, null, TransitRecord() with { Origin = MessageOrigin.Local }).Rejection?.Code);
    }
}
