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

    /// <summary>The countries a movement involves besides departure (for cancellation notices, etc.).</summary>
    public static IReadOnlyList<string> ForeignCountries(string departureCountry, IReadOnlyList<RouteOffice> route) =>
        route.Select(o => o.Country).Where(c => c != departureCountry).Distinct().ToList();
}
