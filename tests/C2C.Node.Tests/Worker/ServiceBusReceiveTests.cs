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
        await using var burkina = await new WorkerNode(_network, "BF", stack) { Engine = true, Settings = WorkerNode.ServiceBus(bus, "TG") }.StartAsync();
        using var togo = new InProcessNode(_network, "TG", stack, WorkerNode.ServiceBus(bus, "BF"));

        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(togo.Offices(), Samples.Bytes("IE015-TransitDeclaration")));
        Assert.True(answer.Status == 200, answer.ToString());

        var index = burkina.Services.GetRequiredService<IMovementIndex>();
        await UntilAsync(async () => (await index.GetAsync(Samples.Mrn, CancellationToken.None))?.Status.Name == "ExpectedAtBorder", "Burkina Faso's worker applied the anticipated records");
        Assert.Contains("IE050", (await index.HistoryAsync(Samples.Mrn, CancellationToken.None)).Select(e => e.MessageType));
        // Settled by the processor once the movement acknowledged it: completed ("Accepted") on Burkina Faso's transit
        // subscription, nothing dead-lettered.
        await UntilAsync(() => Task.FromResult(bus.Settlements.Any(s => s.Path.StartsWith("c2c.bf/subscriptions/transit", StringComparison.OrdinalIgnoreCase) && s.Outcome == "Accepted")),
            "the delivery completed");
        Assert.Equal(0, bus.DeadLetterQueue("BF", Core.Messages.MessageFamily.Transit).Available);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within 60 s: {what}");
            await Task.Delay(200);
        }
    }
}
