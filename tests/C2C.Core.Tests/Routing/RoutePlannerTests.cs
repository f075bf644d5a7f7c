using C2C.Core.Routing;
using C2C.Core.Transit;
using CsCheck;

namespace C2C.Core.Tests.Routing;

public sealed class RoutePlannerTests
{
    private static readonly string[] Countries = ["TG", "BF", "NE", "ML", "GH"];

    [Fact]
    public void Each_office_abroad_gets_one_record_the_destination_the_arrival_record()
    {
        RouteOffice[] route = [new("TGCIN001", "EXIT"), new("BFCIN001", "ENTRY"), new("BFKAN001", "EXIT"), new("NEMAK001", "ENTRY"), new("NENIA001", RouteOffice.Destination)];
        var records = RoutePlanner.AnticipatedRecords("TG", route);
        Assert.Equal([("BFCIN001", "IE050", "BF"), ("BFKAN001", "IE050", "BF"), ("NEMAK001", "IE050", "NE"), ("NENIA001", "IE001", "NE")],
            records.Select(r => (r.Office.Office, r.Kind.Code, r.DestinationCountry)));
    }

    [Fact]
    public void Any_route_every_foreign_office_gets_exactly_one_record_and_every_foreign_country_one_notice()
    {
        var office = Gen.Select(Gen.Int[0, Countries.Length - 1].Select(i => Countries[i]), Gen.Int[1, 20], (c, n) => $"{c}OFF{n:D3}");
        var route = Gen.Select(office.List[0, 8], office, (transit, destination) =>
            transit.Select(o => new RouteOffice(o, "TRANSIT")).Append(new RouteOffice(destination, RouteOffice.Destination)).ToList());
        Gen.Select(Gen.Int[0, Countries.Length - 1].Select(i => Countries[i]), route).Sample((departure, offices) =>
        {
            var records = RoutePlanner.AnticipatedRecords(departure, offices);
            var foreign = offices.Where(o => o.Country != departure).Select(o => o.Office).Distinct().ToList();
            Assert.Equal(foreign.Order(), records.Select(r => r.Office.Office).Order());
            Assert.All(records, r => Assert.Equal(r.Office.Office[..2], r.DestinationCountry));

            var destination = offices[^1].Office;
            var notified = RoutePlanner.OfficesToNotify(departure, records.Select(r => r.Office.Office), destination);
            Assert.Equal(foreign.Select(o => o[..2]).Distinct().Order(), notified.Select(o => o[..2]).Order());
            Assert.All(notified, o => Assert.Contains(o, foreign));
            if (destination[..2] != departure)
                Assert.Contains(destination, notified);
        });
    }
}
