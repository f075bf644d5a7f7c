using C2C.Core.Messages;
using C2C.Core.Transit;

namespace C2C.Core.Routing;

/// <summary>
/// Which record goes where: every office on the route outside the departure country gets an anticipated record,
/// the destination an anticipated arrival record (IE001), the others an anticipated transit record (IE050).
/// Works for any number of countries: each record is published to the inbound topic of its office's country.
/// </summary>
public static class RoutePlanner
{
    public sealed record RecordDelivery(RouteOffice Office, MessageKind Kind)
    {
        public string DestinationCountry => Office.Country;
    }

    public static IReadOnlyList<RecordDelivery> AnticipatedRecords(string departureCountry, IReadOnlyList<RouteOffice> route) =>
        route.Where(o => o.Country != departureCountry)
            .DistinctBy(o => o.Office)
            .Select(o => new RecordDelivery(o, o.Role == RouteOffice.Destination ? MessageCatalog.AnticipatedArrivalRecord : MessageCatalog.AnticipatedTransitRecord))
            .ToList();

    /// <summary>
    /// Who hears of a movement's end (write-off, cancellation): one office in each foreign country that got a record,
    /// so every node on the route closes its view, and none is told twice. In its country <paramref name="preferred"/>
    /// (where the goods arrived) is the one; elsewhere the first office that got a record.
    /// </summary>
    public static IReadOnlyList<string> OfficesToNotify(string departureCountry, IEnumerable<string> recordOffices, string? preferred) =>
        recordOffices.Prepend(preferred).OfType<string>()
            .Where(o => o[..2] != departureCountry)
            .DistinctBy(o => o[..2])
            .ToList();
}
