using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Tests.Validation;

public sealed class SampleMessageTests
{
    private readonly MessageValidator _validator = new();

    public static TheoryData<string> SampleNames => new(Samples.Names);

    [Fact]
    public void There_is_one_sample_per_message_type()
    {
        var expected = MessageCatalog.All.Select(k => $"{k.Code}-{k.RootElement}").Order();
        Assert.Equal(expected, Samples.Names);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_sample_is_valid(string name)
    {
        var result = _validator.Validate(Samples.Bytes(name));
        Assert.True(result.IsValid, string.Join("\n", result.Rejection?.Errors.Select(e => $"{e.Code} {e.Pointer}: {e.Reason}") ?? []));
        var message = result.Message!;
        Assert.Equal(name, $"{message.Kind.Code}-{message.Kind.RootElement}");
        Assert.Equal(message.Kind.Code, message.Header.MessageType);
        Assert.Matches("^[0-9a-f]{64}$", message.Sha256);
    }

    [Fact]
    public void Transit_samples_share_one_movement_reference()
    {
        var references = Samples.Names.Where(n => n.StartsWith("IE", StringComparison.Ordinal) && n != "IE917-XmlNack")
            .Select(n => _validator.Validate(Samples.Bytes(n)).Message!.MovementReference).Distinct();
        Assert.Equal([Samples.Mrn], references);
    }

    [Fact]
    public void Cargo_messages_are_keyed_by_consignment_or_voyage()
    {
        Assert.Equal("TUTMLE2611240001", _validator.Validate(Samples.Bytes("PA001-PreArrivalCargoData")).Message!.MovementReference);
        Assert.Equal("9312345-V2611", _validator.Validate(Samples.Bytes("PA003-CargoArrivalReport")).Message!.MovementReference);
    }
}
