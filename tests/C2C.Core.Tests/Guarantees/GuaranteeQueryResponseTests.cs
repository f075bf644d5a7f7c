using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using C2C.Core.Guarantees;

namespace C2C.Core.Tests.Guarantees;

/// <summary>The IE037 answer to a query on a guarantee: composed as its XSD says, and its sample valid.</summary>
public sealed class GuaranteeQueryResponseTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 12, 30, TimeSpan.Zero);

    private static GuaranteeAccount Account(bool flagged = false) => new(new Guarantee("26TG0000000001234", GuaranteeKind.Comprehensive, 50_000_000m, "XOF",
        new Principal("TG1000234567", "Sahel Transit Logistique SARL"), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ["TG", "BF"]), 18_500_000m, 1, flagged);

    private static List<string> Errors(byte[] xml)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() }; // the include of common.xsd, from the copied schemas folder
        schemas.Add("urn:c2c:transit:v1", Path.Combine(AppContext.BaseDirectory, "schemas", "IE037-GuaranteeQueryResponse.xsd"));
        var errors = new List<string>();
        XDocument.Load(new MemoryStream(xml)).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }

    [Fact]
    public void The_sample_is_valid()
    {
        Assert.Empty(Errors(File.ReadAllBytes(Path.Combine(Samples.Directory, "queries", "IE037-GuaranteeQueryResponse.xml"))));
    }

    [Fact]
    public void A_covered_movement_is_answered_with_its_reservation_and_the_balance()
    {
        var reservation = new Reservation("26TG0000000001234", "26TGLOM000000142J4", 18_500_000m, "XOF", ReservationStatus.Reserved, At.AddHours(-1));

        var xml = GuaranteeQueryResponse.Compose("TG-Q1", "TGC2C000", "BFC2C000", Account(), "26TGLOM000000142J4", reservation, At);

        Assert.Empty(Errors(xml));
        var doc = XDocument.Load(new MemoryStream(xml));
        XNamespace ns = "urn:c2c:transit:v1";
        Assert.Equal("31500000.00", doc.Descendants(ns + "Balance").Single().Value);
        Assert.Equal("true", doc.Descendants(ns + "Covered").Single().Value);
        Assert.Equal("18500000.00", doc.Descendants(ns + "AmountReserved").Single().Value);
    }

    [Fact]
    public void A_movement_the_guarantee_does_not_hold_is_not_covered_and_a_query_without_movement_has_no_movement_part()
    {
        var none = GuaranteeQueryResponse.Compose("TG-Q2", "TGC2C000", "BFC2C000", Account(flagged: true), "26TGLOM000000142J4", null, At);
        var returned = GuaranteeQueryResponse.Compose("TG-Q3", "TGC2C000", "BFC2C000", Account(), "26TGLOM000000142J4",
            new Reservation("26TG0000000001234", "26TGLOM000000142J4", 1m, "XOF", ReservationStatus.Returned, At), At);
        var general = GuaranteeQueryResponse.Compose("TG-Q4", "TGC2C000", "TGC2C000", Account(), null, null, At);

        XNamespace ns = "urn:c2c:transit:v1";
        Assert.All(new[] { none, returned, general }, xml => Assert.Empty(Errors(xml)));
        Assert.Equal(("false", "None", "true"), (Value(none, "Covered"), Value(none, "ReservationStatus"), Value(none, "Flagged")));
        Assert.Equal(("false", "Returned"), (Value(returned, "Covered"), Value(returned, "ReservationStatus")));
        Assert.Empty(XDocument.Load(new MemoryStream(general)).Descendants(ns + "Movement"));

        static string Value(byte[] xml, string name) => XDocument.Load(new MemoryStream(xml)).Descendants((XNamespace)"urn:c2c:transit:v1" + name).Single().Value;
    }
}
