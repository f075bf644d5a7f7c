using System.Text;
using C2C.Core.Outbound;
using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Tests.Outbound;

public sealed class AcknowledgementComposerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 6, TimeSpan.Zero);
    private readonly MessageValidator _validator = new();

    [Fact]
    public void Xml_nack_for_a_schema_error_is_itself_valid()
    {
        var bad = Samples.Text("IE118-BorderPassageNotification").Replace("<SealsIntact>true</SealsIntact>", "<SealsIntact>yes</SealsIntact>");
        var rejection = _validator.Validate(Encoding.UTF8.GetBytes(bad)).Rejection!;
        var nack = _validator.Validate(AcknowledgementComposer.Nack(rejection, "TGC2C-1", "TGC2C000", "BFCIN001", At));
        Assert.True(nack.IsValid, string.Join(";", nack.Rejection?.Errors.Select(e => e.Reason) ?? []));
        Assert.Equal(MessageCatalog.XmlNack, nack.Message!.Kind);
        Assert.Equal("BFCIN-20261125-0017", nack.Message.Header.CorrelationId);
        Assert.Equal("/BorderPassageNotification/SealsIntact", nack.Message.Value("FunctionalError", "ErrorPointer"));
        Assert.Equal(Samples.Mrn, nack.Message.MovementReference);
    }

    [Fact]
    public void Functional_nack_without_readable_header_is_valid()
    {
        var rejection = _validator.Validate("<<<"u8.ToArray()).Rejection!;
        var nack = _validator.Validate(AcknowledgementComposer.Nack(rejection, "TGC2C-2", "TGC2C000", "TGLOM001", At));
        Assert.True(nack.IsValid);
        Assert.Equal("unknown", nack.Message!.Value("OriginalMessageId"));
    }

    [Fact]
    public void Nack_for_a_control_character_in_the_input_is_itself_valid_xml()
    {
        // Found by the fuzz run: the parser's message quotes the offending character, which the NACK must not carry.
        var bad = Samples.Text("IE015-TransitDeclaration").Replace("<SealsIntact>", "<SealsIntact>\u0010").Replace("LOM", "L\u0010OM");
        var rejection = _validator.Validate(Encoding.UTF8.GetBytes(bad)).Rejection!;
        Assert.Contains(rejection.Errors, e => e.Reason.Contains('\u0010', StringComparison.Ordinal));
        var nack = _validator.Validate(AcknowledgementComposer.Nack(rejection, "TGC2C-4", "TGC2C000", "TGLOM001", At));
        Assert.True(nack.IsValid, string.Join(";", nack.Rejection?.Errors.Select(e => e.Reason) ?? []));
        Assert.Contains("\uFFFD", nack.Message!.Value("FunctionalError", "ErrorReason"), StringComparison.Ordinal);
    }

    [Fact]
    public void Functional_nack_with_invalid_mrn_omits_it()
    {
        var rejection = new Rejection([new MessageError(ErrorCodes.InvalidMrn, "bad", "/X/MRN", "26TGLOM000000142J5")], null, "26TGLOM000000142J5");
        var nack = _validator.Validate(AcknowledgementComposer.Nack(rejection, "TGC2C-3", "TGC2C000", "TGLOM001", At));
        Assert.True(nack.IsValid);
        Assert.Equal(MessageCatalog.FunctionalNack, nack.Message!.Kind);
        Assert.Null(nack.Message.MovementReference);
    }

    [Fact]
    public void Receipt_is_valid_and_correlates()
    {
        var accepted = _validator.Validate(Samples.Bytes("IE015-TransitDeclaration")).Message!;
        var receipt = _validator.Validate(AcknowledgementComposer.Receipt(accepted, "TGC2C-4", "TGC2C000", At, "2026/11/24/x.xml", 1, "Released"));
        Assert.True(receipt.IsValid, string.Join(";", receipt.Rejection?.Errors.Select(e => e.Reason) ?? []));
        Assert.Equal(accepted.Header.MessageId, receipt.Message!.Header.CorrelationId);
        Assert.Equal(accepted.Sha256, receipt.Message.Value("ContentSha256"));
    }
}
