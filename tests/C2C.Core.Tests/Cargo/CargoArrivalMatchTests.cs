using C2C.Core.Cargo;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Validation;

namespace C2C.Core.Tests.Cargo;

/// <summary>Matching a vessel's arrival report against the pre-arrival data of each consignment it carries (the cargo decider).</summary>
public sealed class CargoArrivalMatchTests
{
    private static readonly MessageValidator Validator = new();

    private static CargoEvent Read(string sample, Func<string, string>? edit = null) =>
        CargoEventReader.Read(Validator.Validate(Samples.Utf8((edit ?? (s => s))(Samples.Text(sample)))).Message!);

    private static ConsignmentArrived ArrivalOf(CargoState voyage, string reportId, string consignment) =>
        new(ConsignmentArrived.IdFor(reportId, consignment), voyage.Voyage!, voyage.PortOfDischarge, voyage.ArrivedAt!.Value, "MVC2C000");

    [Fact]
    public void The_arrival_report_records_the_vessel_and_the_consignments_on_board()
    {
        var report = Read("PA003-CargoArrivalReport", s => s.Replace("</ConsignmentReference>", "</ConsignmentReference><ConsignmentReference>TUTMLE2611240099</ConsignmentReference>"));
        var voyage = CargoDecider.Decide("9312345-V2611", "MV", null, report);
        Assert.Equal(CargoStatus.VesselArrived, voyage.State!.Status);
        Assert.Equal(["TUTMLE2611240001", "TUTMLE2611240099"], voyage.State.Consignments);
        Assert.Equal(("VesselArrived", "Cargo"), (voyage.ToMovement().Status.Name, voyage.ToMovement().Attributes["Family"]));
    }

    [Fact]
    public void Announced_consignment_is_matched_unknown_one_is_flagged_and_a_second_arrival_changes_nothing()
    {
        var voyage = CargoDecider.Decide("9312345-V2611", "MV", null, Read("PA003-CargoArrivalReport")).State!;
        var announced = CargoDecider.Decide("TUTMLE2611240001", "MV", null, Read("PA001-PreArrivalCargoData")).State!;
        Assert.Equal(CargoStatus.Announced, announced.Status);

        var matched = CargoDecider.Decide("TUTMLE2611240001", "MV", announced, ArrivalOf(voyage, "r1", "TUTMLE2611240001"));
        Assert.Equal(CargoStatus.Arrived, matched.State!.Status);
        var unannounced = CargoDecider.Decide("TUTMLE2611240099", "MV", null, ArrivalOf(voyage, "r1", "TUTMLE2611240099"));
        Assert.Equal(CargoStatus.ArrivedWithoutPreArrival, unannounced.State!.Status);
        Assert.Contains(unannounced.State.RiskFlags, f => f.StartsWith("NO-PRE-ARRIVAL", StringComparison.Ordinal));
        var again = CargoDecider.Decide("TUTMLE2611240001", "MV", matched.State, ArrivalOf(voyage, "r2", "TUTMLE2611240001"));
        Assert.False(again.Changes);
        Assert.False(again.ToMovement().Persist);
    }

    [Fact]
    public void A_cargo_record_is_told_apart_from_a_transit_movement_by_its_attributes()
    {
        var decision = CargoDecider.Decide("9312345-V2611", "MV", null, Read("PA003-CargoArrivalReport")).ToMovement();
        var voyage = new MovementRecord("9312345-V2611", decision.Status, decision.StateJson, 1, "", "", DateTimeOffset.UnixEpoch, decision.Attributes);
        Assert.True(CargoDecision.IsCargo(voyage));
        Assert.False(CargoDecision.IsCargo(voyage with { Attributes = new Dictionary<string, string> { ["Role"] = "Departure" } }));
    }
}
