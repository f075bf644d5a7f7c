using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using C2C.Core.Outbound;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Tests.Transit;

/// <summary>The amendment's messages: IE013 and IE029 read as the deciders take them, the IE004 answer as its XSD says, records carrying the version.</summary>
public sealed class AmendmentMessageTests
{
    private static readonly XNamespace Ns = "urn:c2c:transit:v1";
    private readonly MessageValidator _validator = new();

    private static List<string> Errors(byte[] xml, string xsd)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add("urn:c2c:transit:v1", Path.Combine(AppContext.BaseDirectory, "schemas", xsd));
        var errors = new List<string>();
        XDocument.Load(new MemoryStream(xml)).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }

    [Fact]
    public void The_IE004_sample_and_a_composed_IE004_are_valid_and_carry_the_version()
    {
        Assert.Empty(Errors(File.ReadAllBytes(Path.Combine(Samples.Directory, "answers", "IE004-AmendmentAcceptance.xml")), "IE004-AmendmentAcceptance.xsd"));
        var amendment = _validator.Validate(Samples.Bytes("IE013-DeclarationAmendment")).Message!;

        var xml = AmendmentAcceptance.Compose(amendment, "TGNODE-1", "TGC2C000", new DateTimeOffset(2026, 11, 24, 7, 40, 1, TimeSpan.Zero), 2, "archive/0002-IE013.xml", 2);

        Assert.Empty(Errors(xml, "IE004-AmendmentAcceptance.xsd"));
        Assert.Equal("2", XDocument.Load(new MemoryStream(xml)).Descendants(Ns + "DeclarationVersion").Single().Value);
    }

    [Fact]
    public void The_samples_read_as_an_amendment_a_release_and_a_lodged_declaration()
    {
        var amendment = _validator.Validate(Samples.Bytes("IE013-DeclarationAmendment")).Message!;
        var read = Assert.IsType<DeclarationAmended>(TransitEventReader.Read(amendment, MessageOrigin.Local));
        Assert.Equal(("T1", "TGLOM001", "TG1000234567", false), (read.Identity.DeclarationType, read.Identity.OfficeOfDeparture, read.Identity.HolderId, read.CarriesRelease));

        var release = _validator.Validate(Samples.Bytes("IE029-ReleaseForTransit")).Message!;
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), Assert.IsType<ReleaseGranted>(TransitEventReader.Read(release, MessageOrigin.Local)).ReleasedAt);

        var lodged = _validator.Validate(Samples.Utf8(Samples.Text("IE015-TransitDeclaration").Replace("<ReleaseDateTime>2026-11-24T08:00:00Z</ReleaseDateTime>", ""))).Message!;
        Assert.IsType<DeclarationLodged>(TransitEventReader.Read(lodged, MessageOrigin.Local));
    }

    [Fact]
    public void A_record_of_an_amended_declaration_carries_its_version_and_the_release_time_IE029_gave()
    {
        var amendment = _validator.Validate(Samples.Bytes("IE013-DeclarationAmendment")).Message!;
        var releasedAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
        var state = new TransitState
        {
            Mrn = Journey.Mrn, Role = TransitRole.Departure, Status = TransitStatus.Released,
            Facts = TransitEventReader.Facts(amendment) with { Version = 2, ReleasedAt = releasedAt },
        };
        var intent = new TransitIntent(Messages.MessageCatalog.AnticipatedArrivalRecord, IntentAction.Compose, "BFOUA001", "R1");

        var xml = TransitComposer.Compose(intent, "TG-R1", Journey.Mrn, state, amendment, "TG", releasedAt);

        var record = _validator.Validate(xml);
        Assert.True(record.IsValid, string.Join("\n", record.Rejection?.Errors.Select(e => e.Reason) ?? []));
        var facts = TransitEventReader.Facts(record.Message!);
        Assert.Equal((2, releasedAt), (facts.Version, facts.ReleasedAt));
        Assert.Contains("TGD0045873", System.Text.Encoding.UTF8.GetString(xml));
    }
}
