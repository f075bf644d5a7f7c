using C2C.Core.Ports;
using C2C.Testing.ServiceBus;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// Service Bus receive on Azure: no trigger extension is served, so the worker runs the SDK's processor itself (the
/// standalone node's consumers as a hosted service). Togo's node sends the anticipated records to Burkina Faso's
/// topic; Burkina Faso's worker receives, verifies and applies them, and settles each delivery.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ServiceBusReceiveTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task The_workers_processor_receives_a_partners_records_and_applies_them()
    {
        await using var bus = new ServiceBusNamespace().AddTopic("TG").AddTopic("BF");
        bus.Start();
        var port = bus.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (string, string)[] ServiceBus(string to) =>
        [
            ("C2C:Messaging:Provider", "ServiceBus"), ("C2C:Messaging:ServiceBus:FullyQualifiedNamespace", "127.0.0.1"), ("C2C:Messaging:ServiceBus:Port", port),
            ("C2C:Messaging:ServiceBus:UseTls", "false"), ("C2C:Messaging:ServiceBus:SasKeyName", ServiceBusNamespace.KeyName), ("C2C:Messaging:ServiceBus:SasKey", bus.Key),
            ($"C2C:Messaging:ServiceBus:Destinations:{to}:FullyQualifiedNamespace", "127.0.0.1"),
            ($"C2C:Messaging:ServiceBus:Destinations:{to}:SasKeyName", ServiceBusNamespace.KeyName), ($"C2C:Messaging:ServiceBus:Destinations:{to}:SasKey", bus.Key),
            ("C2C:OutboxRelaySeconds", "1"),
        ];
        await using var burkina = await new WorkerNode(_network, "BF", stack) { Engine = true, Settings = ServiceBus("TG") }.StartAsync();
        using var togo = new InProcessNode(_network, "TG", stack, ServiceBus("BF"));

        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(togo.Offices(), Samples.Bytes("IE015-TransitDeclaration")));
        Assert.True(answer.Status == 200, answer.ToString());

        var index = burkina.Services.GetRequiredService<IMovementIndex>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await index.GetAsync(Samples.Mrn, CancellationToken.None))?.Status != "ExpectedAtBorder")
        {
            Assert.True(DateTime.UtcNow < deadline, "Burkina Faso's worker did not apply the anticipated records within 60 s");
            await Task.Delay(200);
        }
        Assert.Contains("IE050", (await index.HistoryAsync(Samples.Mrn, CancellationToken.None)).Select(e => e.MessageType));
        // Settled by the processor: accepted (completed) on Burkina Faso's transit subscription, nothing dead-lettered.
        Assert.Contains(bus.Settlements, s => s.Path.StartsWith("c2c.bf/", StringComparison.Ordinal) && s.Outcome == "Accepted");
        Assert.Equal(0, bus.DeadLetterQueue("BF", Core.Messages.MessageFamily.Transit).Available);
    }
}
