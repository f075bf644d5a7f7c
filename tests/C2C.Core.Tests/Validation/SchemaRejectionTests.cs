using C2C.Core.Validation;

namespace C2C.Core.Tests.Validation;

/// <summary>Typical errors a partner makes, each rejected with the right code and pointer.</summary>
public sealed class SchemaRejectionTests
{
    private readonly MessageValidator _validator = new();

    private Rejection Reject(string sample, string from, string to)
    {
        var text = Samples.Text(sample);
        Assert.Contains(from, text);
        var result = _validator.Validate(Samples.Utf8(ReplaceFirst(text, from, to)));
        Assert.False(result.IsValid, "the altered message was accepted");
        return result.Rejection!;
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return text[..at] + to + text[(at + from.Length)..];
    }

    public static TheoryData<string> SampleNames => new(Samples.Names);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_schema_rejects_a_missing_header_element(string sample)
    {
        var type = sample[..5];
        var rejection = Reject(sample, $"<MessageType>{type}</MessageType>", "");
        var error = Assert.Single(rejection.Errors);
        Assert.Equal(ErrorCodes.SchemaViolation, error.Code);
        Assert.StartsWith("/" + sample.Split('-')[1] + "/Header", error.Pointer);
        Assert.Contains("MessageType", error.Reason);
        Assert.Equal(Core.Messages.MessageCatalog.XmlNack, rejection.NackKind);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_schema_rejects_a_malformed_sender_office(string sample)
    {
        var text = Samples.Text(sample);
        var sender = text.Split("<MessageSender>")[1][..8];
        var rejection = Reject(sample, $"<MessageSender>{sender}", "<MessageSender>lome-port");
        var error = Assert.Single(rejection.Errors);
        Assert.Equal(ErrorCodes.SchemaViolation, error.Code);
        Assert.EndsWith("/Header/MessageSender", error.Pointer);
        Assert.Equal("lome-port", error.OriginalValue);
        Assert.NotNull(rejection.Header);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_schema_rejects_an_unexpected_element(string sample)
    {
        var rejection = Reject(sample, "</Header>", "</Header><Unexpected>1</Unexpected>");
        Assert.Contains(rejection.Errors, e => e.Code == ErrorCodes.SchemaViolation);
    }

    [Fact]
    public void Wrong_commodity_code_points_at_the_goods_item()
    {
        var rejection = Reject("IE015-TransitDeclaration", "<CommodityCode>151790</CommodityCode>", "<CommodityCode>15179</CommodityCode>");
        var error = Assert.Single(rejection.Errors);
        Assert.Equal("/TransitDeclaration/Declaration/Consignment/GoodsItem[2]/CommodityCode", error.Pointer);
        Assert.Equal("15179", error.OriginalValue);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Too_many_repetitions_are_rejected()
    {
        var office = "<CustomsOfficeOfTransit><SequenceNumber>9</SequenceNumber><ReferenceNumber>BFCIN001</ReferenceNumber><Role>ENTRY</Role></CustomsOfficeOfTransit>";
        var rejection = Reject("IE015-TransitDeclaration", "</Itinerary>", string.Concat(Enumerable.Repeat(office, 9)) + "</Itinerary>");
        Assert.Contains(rejection.Errors, e => e.Code == ErrorCodes.SchemaViolation && e.Pointer.Contains("CustomsOfficeOfTransit"));
    }

    [Fact]
    public void Wrong_namespace_is_an_unknown_message()
    {
        var rejection = Reject("IE015-TransitDeclaration", "urn:c2c:transit:v1", "urn:c2c:transit:v0");
        Assert.Equal(ErrorCodes.UnknownMessageType, Assert.Single(rejection.Errors).Code);
    }

    [Fact]
    public void Unknown_root_is_an_unknown_message()
    {
        var rejection = _validator.Validate(Samples.Utf8("<CC015C xmlns=\"urn:c2c:transit:v1\"/>")).Rejection!;
        var error = Assert.Single(rejection.Errors);
        Assert.Equal(ErrorCodes.UnknownMessageType, error.Code);
        Assert.Equal("/CC015C", error.Pointer);
    }

    [Fact]
    public void Bad_mrn_check_digit_is_a_functional_error_93()
    {
        var rejection = Reject("IE118-BorderPassageNotification", $"<MRN>{Samples.Mrn}</MRN>", "<MRN>26TGLOM000000142J5</MRN>");
        var error = Assert.Single(rejection.Errors);
        Assert.Equal(ErrorCodes.InvalidMrn, error.Code);
        Assert.Equal("/BorderPassageNotification/MRN", error.Pointer);
        Assert.Equal(Core.Messages.MessageCatalog.FunctionalNack, rejection.NackKind);
    }

    [Theory]
    [InlineData("IE015-TransitDeclaration", "19", "/TransitDeclaration/MRN")]
    [InlineData("IE015-TransitDeclaration", "28", "/TransitDeclaration/MRN")]
    [InlineData("IE001-AnticipatedArrivalRecord", "19", "/AnticipatedArrivalRecord/MRN")]
    public void An_mrn_whose_year_is_not_the_year_of_acceptance_is_refused_93(string sample, string year, string pointer)
    {
        var mrn = Core.Identifiers.Mrn.Create(int.Parse(year), "TG", Samples.Mrn[4..16]).ToString();
        var rejection = Reject(sample, Samples.Mrn, mrn);
        var error = Assert.Single(rejection.Errors);
        Assert.Equal((ErrorCodes.InvalidMrn, pointer), (error.Code, error.Pointer));
        Assert.Contains("released on 2026-11-24", error.Reason);
    }

    [Theory]
    [InlineData("26", "2026-11-24T08:00:00Z")]
    [InlineData("26", "2027-01-02T08:00:00Z")] // accepted on 31 December, released after the new year
    public void The_mrn_year_is_the_release_year_or_the_one_before(string year, string released)
    {
        var text = Samples.Text("IE015-TransitDeclaration").Replace("<ReleaseDateTime>2026-11-24T08:00:00Z</ReleaseDateTime>", $"<ReleaseDateTime>{released}</ReleaseDateTime>")
            .Replace("<TimeLimit>2026-12-01</TimeLimit>", "<TimeLimit>2027-01-09</TimeLimit>")
            .Replace(Samples.Mrn, Core.Identifiers.Mrn.Create(int.Parse(year), "TG", Samples.Mrn[4..16]).ToString());
        var result = _validator.Validate(Samples.Utf8(text));
        Assert.True(result.IsValid, string.Join("; ", result.Rejection?.Errors.Select(e => e.Reason) ?? []));
    }

    [Theory]
    [InlineData("IE015-TransitDeclaration", "<TimeLimit>2026-12-01</TimeLimit>", "<TimeLimit>9999-12-31</TimeLimit>", "/TransitDeclaration/Declaration/TimeLimit")]
    [InlineData("IE015-TransitDeclaration", "<ReleaseDateTime>2026-11-24T08:00:00Z</ReleaseDateTime>", "<ReleaseDateTime>9999-12-31T23:59:59-14:00</ReleaseDateTime>", "/TransitDeclaration/Declaration/ReleaseDateTime")]
    [InlineData("IE015-TransitDeclaration", "<ReleaseDateTime>2026-11-24T08:00:00Z</ReleaseDateTime>", "<ReleaseDateTime>0001-01-01T00:00:00+14:00</ReleaseDateTime>", "/TransitDeclaration/Declaration/ReleaseDateTime")]
    [InlineData("IE006-ArrivalAdvice", "<ArrivalDateTime>2026-11-27T10:05:00Z</ArrivalDateTime>", "<ArrivalDateTime>1999-12-31T23:00:00Z</ArrivalDateTime>", "/ArrivalAdvice/ArrivalDateTime")]
    public void A_date_outside_2000_to_2099_is_refused_12_before_anything_computes_with_it(string sample, string from, string to, string pointer)
    {
        var error = Assert.Single(Reject(sample, from, to).Errors);
        Assert.Equal((ErrorCodes.IncorrectValue, pointer), (error.Code, error.Pointer));
    }

    [Fact]
    public void Header_type_must_match_the_root()
    {
        var rejection = Reject("IE006-ArrivalAdvice", "<MessageType>IE006</MessageType>", "<MessageType>IE018</MessageType>");
        var error = Assert.Single(rejection.Errors);
        Assert.Equal(ErrorCodes.IncorrectValue, error.Code);
        Assert.Equal("/ArrivalAdvice/Header/MessageType", error.Pointer);
    }

    [Fact]
    public void Sender_and_recipient_must_differ()
    {
        var rejection = Reject("IE006-ArrivalAdvice", "<MessageRecipient>TGLOM001</MessageRecipient>", "<MessageRecipient>BFOUA001</MessageRecipient>");
        Assert.Equal(ErrorCodes.RuleViolation, Assert.Single(rejection.Errors).Code);
    }

    [Fact]
    public void Time_limit_before_release_is_a_rule_violation()
    {
        var rejection = Reject("IE015-TransitDeclaration", "<TimeLimit>2026-12-01</TimeLimit>", "<TimeLimit>2026-11-20</TimeLimit>");
        var error = Assert.Single(rejection.Errors);
        Assert.Equal(ErrorCodes.RuleViolation, error.Code);
        Assert.Equal("/TransitDeclaration/Declaration/TimeLimit", error.Pointer);
    }

    [Fact]
    public void Declaration_must_come_from_its_office_of_departure()
    {
        var rejection = Reject("IE015-TransitDeclaration", "<MessageSender>TGLOM001</MessageSender>", "<MessageSender>TGCIN001</MessageSender>");
        Assert.Contains(rejection.Errors, e => e.Code == ErrorCodes.RuleViolation && e.Pointer.EndsWith("CustomsOfficeOfDeparture"));
    }

    [Fact]
    public void Goods_items_are_numbered_in_order_and_containers_checked()
    {
        var text = Samples.Text("IE015-TransitDeclaration")
            .Replace("<GoodsItemNumber>2</GoodsItemNumber>", "<GoodsItemNumber>3</GoodsItemNumber>")
            .Replace("MSCU1234566", "MSCU1234567");
        var errors = _validator.Validate(Samples.Utf8(text)).Rejection!.Errors;
        Assert.Contains(errors, e => e.Code == ErrorCodes.RuleViolation && e.Pointer.EndsWith("GoodsItem[2]/GoodsItemNumber"));
        Assert.Contains(errors, e => e.Code == ErrorCodes.IncorrectValue && e.OriginalValue == "MSCU1234567");
    }

    [Fact]
    public void Errors_are_capped()
    {
        var text = Samples.Text("IE015-TransitDeclaration").Replace("<CommodityCode>", "<CommodityCode>x");
        var item = text[text.IndexOf("<GoodsItem>", StringComparison.Ordinal)..(text.IndexOf("</GoodsItem>", StringComparison.Ordinal) + 12)];
        var many = text.Replace(item, string.Concat(Enumerable.Repeat(item, 40)));
        var errors = _validator.Validate(Samples.Utf8(many)).Rejection!.Errors;
        Assert.Equal(MessageValidator.MaxReportedErrors, errors.Count);
    }
}
