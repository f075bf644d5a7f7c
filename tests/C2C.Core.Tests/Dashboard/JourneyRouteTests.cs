using C2C.Core.Dashboard;
using C2C.Core.Ports;
using C2C.Core.Transit;
using static C2C.Core.Tests.Dashboard.CorridorFiguresTests;

namespace C2C.Core.Tests.Dashboard;

public sealed class JourneyRouteTests
{
    private static readonly DateTimeOffset Released = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly RouteFacts Facts = new("TGLOM001", "BFOUA001",
        [new RouteOffice("TGCIN001", "EXIT"), new RouteOffice("BFCIN001", "ENTRY"), new RouteOffice("BFOUA001", RouteOffice.Destination)], new DateOnly(2026, 12, 4), Released, "TRUCK");

    [Fact]
    public void A_movement_across_the_border_has_departure_and_border_done_and_the_rest_expected_by_their_deadlines()
    {
        var state = new TransitState { Mrn = "M", Role = TransitRole.Departure, Status = TransitStatus.Released, Facts = Facts };
        Assert.Equal([StopState.Done, StopState.Expected, StopState.Expected, StopState.Expected, StopState.Expected],
            JourneyRoute.Of(Record(state), [], TimeSpan.FromDays(6))!.Stops.Select(s => s.State));
        Crossed();
    }

    private static void Crossed()
    {
        var crossed = Released.AddHours(20);
        var state = new TransitState { Mrn = "M", Role = TransitRole.Departure, Status = TransitStatus.InTransit, Facts = Facts, BorderPassages = ["BFCIN001"] };
        var route = JourneyRoute.Of(Record(state), [Event(1, "IE015", MessageDirection.Inbound, "TGLOM001", "TGLOM001", Released),
            Event(4, "IE118", MessageDirection.Inbound, "BFCIN001", "TGLOM001", crossed)], TimeSpan.FromDays(6))!;
        Assert.Equal(["Departure Done", "Border Skipped", "Border Done", "Destination Expected", "WriteOff Expected"], route.Stops.Select(s => $"{s.Kind} {s.State}"));
        Assert.Equal(crossed, route.Stops[2].At);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero), route.Stops[3].At); // the end of the time limit's day
        Assert.Null(route.Stops[4].At); // control results are due only from arrival
    }

    [Fact]
    public void A_written_off_movement_is_done_everywhere_and_an_office_nobody_reported_is_passed_by()
    {
        var arrived = Released.AddDays(1);
        var state = new TransitState { Mrn = "M", Role = TransitRole.Departure, Status = TransitStatus.WrittenOff, Facts = Facts, BorderPassages = ["BFCIN001"], ArrivedAt = arrived, ArrivalOffice = "BFOUA001" };
        var writeOff = Event(9, "IE045", MessageDirection.Outbound, "TGLOM001", "BFOUA001", arrived.AddHours(3)) with { StatusAfter = TransitStatus.WrittenOff };
        var route = JourneyRoute.Of(Record(state), [writeOff], TimeSpan.FromDays(6))!;
        Assert.Equal([StopState.Done, StopState.Skipped, StopState.Done, StopState.Done, StopState.Done], route.Stops.Select(s => s.State));
        Assert.Equal(arrived.AddHours(3), route.Stops[^1].At);
    }

    [Fact]
    public void A_receiving_node_has_no_write_off_stop_and_cargo_has_no_route()
    {
        var state = new TransitState { Mrn = "M", Role = TransitRole.Receiving, Status = TransitStatus.ExpectedAtDestination, Facts = Facts };
        Assert.DoesNotContain(JourneyRoute.Of(Record(state), [], TimeSpan.FromDays(6))!.Stops, s => s.Kind == "WriteOff");
        var cargo = Record(state) with { Attributes = new Dictionary<string, string> { ["Family"] = "Cargo" } };
        Assert.Null(JourneyRoute.Of(cargo, [], TimeSpan.FromDays(6)));
    }

    private static MovementRecord Record(TransitState state) =>
        new("M", state.Status, TransitStateSerializer.Serialize(state), 1, "", "", Released, new Dictionary<string, string>());
}
