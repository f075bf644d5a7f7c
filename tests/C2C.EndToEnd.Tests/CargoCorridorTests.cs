using Xunit.Abstractions;

namespace C2C.EndToEnd.Tests;

/// <summary>SASEC pre-arrival cargo data, Tuticorin → Malé, with two real nodes (IN, MV) over RabbitMQ or Service Bus.</summary>
[Collection(CorridorCollection.Name)]
public sealed class CargoCorridorTests(LocalStack stack, ITestOutputHelper output)
{
    private const string Consignment = "TUTMLE2611240001";
    private const string Voyage = "9312345-V2611";

    [Theory]
    [InlineData(CorridorBroker.RabbitMq)]
    [InlineData(CorridorBroker.ServiceBus)]
    public async Task Pre_arrival_data_is_acknowledged_indexed_and_matched_when_the_vessel_arrives(CorridorBroker broker)
    {
        await using var corridor = await Corridor.StartAsync(stack, ["IN", "MV"], broker: broker);
        var (india, maldives) = (corridor["IN"], corridor["MV"]);

        Assert.Equal("Sent", (await india.AcceptedAsync(Samples.Bytes("PA001-PreArrivalCargoData"))).Value("MovementStatus"));
        await maldives.WaitForStatusAsync(Consignment, "Announced");
        // Malé's acknowledgement (with its risk flags) comes back to Tuticorin.
        await india.WaitForStatusAsync(Consignment, "Acknowledged");

        // The vessel arrives with the announced consignment and one nobody announced.
        var report = Samples.Text("PA003-CargoArrivalReport").Replace($"<ConsignmentReference>{Consignment}</ConsignmentReference>",
            $"<ConsignmentReference>{Consignment}</ConsignmentReference>\n  <ConsignmentReference>TUTMLE2611249999</ConsignmentReference>", StringComparison.Ordinal);
        await maldives.AcceptedAsync(System.Text.Encoding.UTF8.GetBytes(report));
        await maldives.WaitForStatusAsync(Voyage, "VesselArrived");
        await maldives.WaitForStatusAsync(Consignment, "Arrived");
        await maldives.WaitForStatusAsync("TUTMLE2611249999", "ArrivedWithoutPreArrival");

        foreach (var (node, reference) in new[] { (india, Consignment), (maldives, Consignment), (maldives, "TUTMLE2611249999") })
        {
            var (events, intact) = await node.TimelineAsync(reference);
            output.WriteLine($"{node.Country} {reference}: {string.Join(" | ", events)}");
            Assert.True(intact);
            TransitCorridorTests.AssertEachMessageOnce(events);
        }
        Assert.Equal(["PA001 Outbound", "PA002 Inbound"], (await india.TimelineAsync(Consignment)).Events.Skip(1).Select(e => $"{e.MessageType} {e.Direction}"));
        await corridor.AssertServiceBusDrainedAsync();
    }
}
