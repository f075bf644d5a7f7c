using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>
/// A transit movement's journey as a route (pure): departure, the offices on the declared route, destination and the
/// write-off, each done with the time this node recorded it or expected with its deadline.
/// </summary>
public sealed record JourneyRoute(string Mrn, Exchange.MovementStatus Status, IReadOnlyList<JourneyStop> Stops)
{
    /// <summary>Null when the movement has no transit facts (a cargo consignment, a record of refusals only).</summary>
    public static JourneyRoute? Of(MovementRecord movement, IReadOnlyList<MovementEvent> history, TimeSpan controlResultsWithin)
    {
        if (movement.Attributes.TryGetValue("Family", out var family) && family == "Cargo")
            return null;
        TransitState state;
        try
        {
            state = TransitStateSerializer.Deserialize(movement.StateJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (state.Facts is not { } facts)
            return null;
        var limitEnds = new DateTimeOffset(facts.TimeLimit.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        var arrived = state.ArrivedAt is not null;
        var stops = new List<JourneyStop> { new("Departure", facts.OfficeOfDeparture, StopState.Done, facts.ReleasedAt, "released") };
        var offices = facts.Route.Where(o => o.Role != RouteOffice.Destination).ToList();
        // An office the truck is past (a later one, or the destination, reported) and that reported nothing will not report now.
        var lastPassed = arrived ? offices.Count : offices.FindLastIndex(o => state.BorderPassages.Contains(o.Office));
        for (var i = 0; i < offices.Count; i++)
        {
            var office = offices[i];
            var reported = history.FirstOrDefault(e => e.MessageType == MessageCodes.BorderPassageNotification && e.Direction == MessageDirection.Inbound && e.SenderOffice == office.Office);
            stops.Add(state.BorderPassages.Contains(office.Office)
                ? new JourneyStop("Border", office.Office, StopState.Done, reported?.AppliedAt, $"{office.Role}: passage recorded")
                : i < lastPassed
                    ? new JourneyStop("Border", office.Office, StopState.Skipped, null, $"{office.Role}: no passage reported here")
                    : new JourneyStop("Border", office.Office, StopState.Expected, limitEnds, $"{office.Role}: expected before the time limit"));
        }
        foreach (var office in state.BorderPassages.Where(o => facts.Route.All(r => r.Office != o)))
        {
            var reported = history.FirstOrDefault(e => e.MessageType == MessageCodes.BorderPassageNotification && e.Direction == MessageDirection.Inbound && e.SenderOffice == office);
            stops.Add(new JourneyStop("Border", office, StopState.Done, reported?.AppliedAt, "undeclared office: passage recorded"));
        }
        stops.Add(arrived
            ? new JourneyStop("Destination", state.ArrivalOffice ?? state.OfficeOfDestination, StopState.Done, state.ArrivedAt, "arrived")
            : new JourneyStop("Destination", state.OfficeOfDestination, StopState.Expected, limitEnds, $"time limit {facts.TimeLimit:yyyy-MM-dd}"));
        var writtenOff = history.FirstOrDefault(e => e.StatusAfter.Is(TransitStatus.WrittenOff));
        if (state.Role == TransitRole.Departure)
        {
            stops.Add(writtenOff is not null
                ? new JourneyStop("WriteOff", facts.OfficeOfDeparture, StopState.Done, writtenOff.AppliedAt, "written off, guarantee released")
                : new JourneyStop("WriteOff", facts.OfficeOfDeparture, StopState.Expected, state.ArrivedAt + controlResultsWithin,
                    arrived ? "control results due" : "after arrival and control results"));
        }
        return new JourneyRoute(movement.MovementReference, movement.Status, stops);
    }
}
