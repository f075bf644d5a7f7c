using C2C.Core.Guarantees;
using C2C.Core.Transit;
using C2C.Core.Validation;
using static C2C.Core.Tests.Transit.Journey;

namespace C2C.Core.Tests.Guarantees;

public sealed class MovementGuaranteeTests
{
    private static readonly RouteFacts Guaranteed = Facts with { Guarantee = new GuaranteeClaim("26TG0000000001234", "1", 18_500_000m, "XOF", 14_100_000m) };

    private static TransitState State(TransitStatus status, TransitRole role = TransitRole.Departure, RouteFacts? facts = null) =>
        new() { Mrn = "26TGLOM000000142J4", Role = role, Status = status, Facts = facts ?? Guaranteed };

    [Fact]
    public void The_sample_declaration_names_its_guarantee_the_goods_value_and_its_countries_of_routing()
    {
        var parsed = new MessageValidator().Validate(Samples.Bytes("IE015-TransitDeclaration")).Message!;

        var facts = TransitEventReader.Facts(parsed);

        Assert.Equal(new GuaranteeClaim("26TG0000000001234", "1", 18_500_000.00m, "XOF", 14_100_000.00m), facts.Guarantee);
        Assert.Equal(["BF", "TG"], MovementGuarantee.RouteCountries(facts));
    }

    [Fact]
    public void Release_reserves_write_off_and_cancellation_return_an_unresolved_enquiry_keeps()
    {
        Assert.Equal(GuaranteeStep.Reserve, MovementGuarantee.Of(null, State(TransitStatus.Released)));
        Assert.Equal(GuaranteeStep.Return, MovementGuarantee.Of(State(TransitStatus.Arrived), State(TransitStatus.WrittenOff)));
        Assert.Equal(GuaranteeStep.Return, MovementGuarantee.Of(State(TransitStatus.Released), State(TransitStatus.Cancelled)));
        Assert.Equal(GuaranteeStep.Return, MovementGuarantee.Of(State(TransitStatus.EnquiryUnresolved), State(TransitStatus.WrittenOff)));
        Assert.Equal(GuaranteeStep.Keep, MovementGuarantee.Of(State(TransitStatus.UnderEnquiry), State(TransitStatus.EnquiryUnresolved)));
    }

    [Fact]
    public void Nothing_for_other_steps_for_a_receiving_node_or_a_declaration_without_a_guarantee()
    {
        Assert.Equal(GuaranteeStep.None, MovementGuarantee.Of(State(TransitStatus.Released), State(TransitStatus.InTransit)));
        Assert.Equal(GuaranteeStep.None, MovementGuarantee.Of(State(TransitStatus.WrittenOff), State(TransitStatus.WrittenOff)));
        Assert.Equal(GuaranteeStep.None, MovementGuarantee.Of(State(TransitStatus.EnquiryUnresolved), State(TransitStatus.EnquiryUnresolved)));
        Assert.Equal(GuaranteeStep.None, MovementGuarantee.Of(null, State(TransitStatus.ExpectedAtBorder, TransitRole.Receiving)));
        Assert.Equal(GuaranteeStep.None, MovementGuarantee.Of(null, State(TransitStatus.Released, facts: Facts)));
        Assert.Equal(GuaranteeStep.None, MovementGuarantee.Of(null, null));
    }
}
