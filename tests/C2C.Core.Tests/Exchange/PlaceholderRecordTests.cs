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
        new(reference, MovementStatus.Recorded, MovementDecision.NoState, 2, "", "", DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

    [Fact]
    public void Departure_refuses_an_arrival_advice_for_an_mrn_it_only_recorded_a_request_for()
    {
        var decision = new TransitProcess("TG", CorridorPolicy.Default).Decide(Samples.Mrn, Placeholder(Samples.Mrn),
            Validator.Validate(Samples.Bytes("IE006-ArrivalAdvice")).Message!, MessageOrigin.Partner);
        Assert.Equal(ErrorCodes.UnknownMrn, decision.Rejection?.Code);
    }
}
