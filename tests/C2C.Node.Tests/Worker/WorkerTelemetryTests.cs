using C2C.Testing.ServiceBus;
using C2C.Testing.Telemetry;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// The isolated worker exports like the standalone node (with the Functions worker's OpenTelemetry integration on top):
/// an office's post through the HTTP function continues the caller's trace into the movement's functions, whose decision
/// and publish are in it.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class WorkerTelemetryTests(LocalStack stack) : IDisposable
{
    private const string TraceId = "5b8efff798038103d269b633813fc60c";
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task A_post_through_the_HTTP_function_is_one_trace_into_the_movement_functions()
    {
        using var collector = new OtlpReceiver();
        await using var bus = new ServiceBusNamespace().AddTopic("TG").AddTopic("BF");
        await using var node = await new WorkerNode(_network, "TG", stack)
        {
            Engine = true,
            Settings = [.. WorkerNode.ServiceBus(bus, "BF"), .. collector.NodeSettings().Select(kv => (kv.Key, kv.Value))],
        }.StartAsync();
        var client = node.Offices();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");

        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(client, Samples.ForMovement("IE015-TransitDeclaration", Samples.NewMrn())));
        Assert.Equal(200, answer.Status);

        var spans = await collector.WaitForAsync(s => s.Count(x => x.TraceId == TraceId && x.Name == "c2c.publish") >= 2);
        var trace = spans.Where(s => s.TraceId == TraceId).ToList();
        Assert.All(trace, s => Assert.Equal("c2c-node-tg", s.Service));
        var ingest = Assert.Single(trace, s => s.Name == "c2c.ingest");
        var decision = Assert.Single(trace, s => s.Name == "c2c.decision");
        Assert.Contains(TraceTree.Ancestors(trace, decision), a => a.SpanId == ingest.SpanId);
        Assert.All(trace.Where(s => s.Name == "c2c.publish"), p => Assert.Equal(decision.SpanId, p.ParentSpanId));
    }
}
