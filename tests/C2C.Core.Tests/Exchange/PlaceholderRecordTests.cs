using C2C.Core.Cargo;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Tests.Exchange;

/// <summary>A record holding messages but no process state (e.g. a refused record request) reads as "no movement".</summary>
public sealed class PlaceholderRecordTests
{
    private static readonly MessageValidator Validator = new();

    private static MovementRecord Placeholder(string reference) =>
        new(reference, "Recorded", MovementDecision.NoState, 2, "", "", DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

    [Fact]
    public void Departure_refuses_an_arrival_advice_for_an_mrn_it_only_recorded_a_request_for()
    {
        var decision = new TransitProcess("TG", CorridorPolicy.Default).Decide(Samples.Mrn, Placeholder(Samples.Mrn),
            Validator.Validate(Samples.Bytes("IE006-ArrivalAdvice")).Message!, MessageOrigin.Partner);
        Assert.Equal(ErrorCodes.UnknownMrn, decision.Rejection?.Code);
    }

    [Fact]
    public void A_placeholder_consignment_is_matched_like_an_unknown_one()
    {
        var cargo = new CargoProcess("MV");
        var voyageDecision = cargo.Decide("9312345-V2611", null, Validator.Validate(Samples.Bytes("PA003-CargoArrivalReport")).Message!, MessageOrigin.Local);
        var voyage = new MovementRecord("9312345-V2611", voyageDecision.Status, voyageDecision.StateJson, 1, "", "", DateTimeOffset.UnixEpoch, voyageDecision.Attributes);
        var matched = cargo.FollowUps(voyage, CargoProcess.ArrivalMatch)[0].Decide(Placeholder("TUTMLE2611240001"));
        Assert.Equal("ArrivedWithoutPreArrival", matched!.Status);
    }
}
