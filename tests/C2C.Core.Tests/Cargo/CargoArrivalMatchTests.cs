using C2C.Core.Cargo;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Tests.Cargo;

/// <summary>Matching a vessel's arrival report against the pre-arrival data of each consignment it carries.</summary>
public sealed class CargoArrivalMatchTests
{
    private static readonly MessageValidator Validator = new();
    private readonly CargoProcess _maldives = new("MV");

    private static ParsedMessage Parse(string sample, Func<string, string>? edit = null) =>
        Validator.Validate(Samples.Utf8((edit ?? (s => s))(Samples.Text(sample)))).Message!;

    private static MovementRecord Record(string reference, MovementDecision d) =>
        new(reference, d.Status, d.StateJson, 1, "", "", DateTimeOffset.UnixEpoch, d.Attributes);

    [Fact]
    public void Arrival_report_sets_an_immediate_match_timer()
    {
        var decision = _maldives.Decide("9312345-V2611", null, Parse("PA003-CargoArrivalReport"), MessageOrigin.Local);
        Assert.Equal("VesselArrived", decision.Status);
        var timer = Assert.Single(decision.SetDeadlines);
        Assert.Equal((CargoProcess.ArrivalMatch, DeadlineChange.Immediately), (timer.Kind, timer.DueAt));
        Assert.Equal(DateTimeOffset.UnixEpoch, timer.DueBy(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Announced_consignment_is_matched_unknown_one_is_flagged_and_a_second_match_changes_nothing()
    {
        var report = Parse("PA003-CargoArrivalReport", s => s.Replace("</ConsignmentReference>", "</ConsignmentReference><ConsignmentReference>TUTMLE2611240099</ConsignmentReference>"));
        var voyage = Record("9312345-V2611", _maldives.Decide("9312345-V2611", null, report, MessageOrigin.Local));
        var announced = Record("TUTMLE2611240001", _maldives.Decide("TUTMLE2611240001", null, Parse("PA001-PreArrivalCargoData"), MessageOrigin.Partner));
        Assert.Equal("Announced", announced.Status);

        var followUps = _maldives.FollowUps(voyage, CargoProcess.ArrivalMatch);
        Assert.Equal(["TUTMLE2611240001", "TUTMLE2611240099"], followUps.Select(f => f.Reference));
        var matched = followUps[0].Decide(announced)!;
        Assert.Equal("Arrived", matched.Status);
        var unannounced = followUps[1].Decide(null)!;
        Assert.Equal("ArrivedWithoutPreArrival", unannounced.Status);
        Assert.Contains("NO-PRE-ARRIVAL", unannounced.StateJson);
        Assert.Null(followUps[0].Decide(Record("TUTMLE2611240001", matched)));
        Assert.False(_maldives.OnDeadline(voyage, CargoProcess.ArrivalMatch, DateTimeOffset.UnixEpoch).Persist);
    }

    [Fact]
    public void Other_timers_have_no_follow_ups_and_cargo_records_belong_to_the_cargo_process()
    {
        var voyage = Record("9312345-V2611", _maldives.Decide("9312345-V2611", null, Parse("PA003-CargoArrivalReport"), MessageOrigin.Local));
        Assert.Empty(_maldives.FollowUps(voyage, DeadlineKinds.TimeLimit));
        Assert.True(_maldives.Owns(voyage));
        Assert.False(new TransitProcess("MV", CorridorPolicy.Default).Owns(voyage));
    }
}
