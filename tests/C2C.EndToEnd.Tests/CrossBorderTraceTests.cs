using C2C.Testing.Telemetry;
using Xunit.Abstractions;

namespace C2C.EndToEnd.Tests;

/// <summary>
/// OpenTelemetry across the border: both nodes export over OTLP (to a collector in the test), and the release posted at
/// Lomé is one trace down to the records Burkina Faso applies: Togo's ingest, validation, decision, archive, index and
/// publish; Burkina's receive (a child of Togo's publish), signature check, validation, decision, archive and index.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class CrossBorderTraceTests(LocalStack stack, ITestOutputHelper output)
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";

    [Fact]
    public async Task One_trace_runs_from_the_offices_post_in_Togo_to_the_records_applied_in_Burkina_Faso()
    {
        using var collector = new OtlpReceiver();
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], overrides: collector.NodeSettings());
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrn = Movements.NewMrn();

        await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn), traceParent: $"00-{TraceId}-b7ad6b7169203331-01");
        await Movements.WaitForBothRecordsAsync(bf, mrn);
        // A span is exported when it ends, after its children: Burkina's receive ends last (once its movement acknowledged).
        var spans = await collector.WaitForAsync(s => s.Count(x => x.TraceId == TraceId && x.Service == "c2c-node-bf" && x.Name is "c2c.receive" or "c2c.decision") >= 4);
        var trace = spans.Where(s => s.TraceId == TraceId).ToList();
        output.WriteLine(TraceTree.Render(spans, TraceId));

        Assert.Equal(["c2c-node-bf", "c2c-node-tg"], trace.Select(s => s.Service).Distinct().Order());
        ReceivedSpan[] Named(string node, string name) => [.. trace.Where(s => s.Service == $"c2c-node-{node}" && s.Name == name)];
        bool Under(ReceivedSpan span, ReceivedSpan ancestor) => TraceTree.Ancestors(trace, span).Any(a => a.SpanId == ancestor.SpanId);

        // Togo: the office's post (continuing the caller's traceparent), validated, decided and recorded, two records published.
        var ingest = Assert.Single(Named("tg", "c2c.ingest"));
        Assert.Contains(Named("tg", "c2c.xml.validate"), v => v.ParentSpanId == ingest.SpanId);
        var release = Assert.Single(Named("tg", "c2c.decision"), d => d.Attributes.GetValueOrDefault("c2c.trigger") == "IE015");
        Assert.True(Under(release, ingest));
        Assert.Contains(Named("tg", "c2c.archive"), a => a.ParentSpanId == release.SpanId);
        Assert.Contains(Named("tg", "c2c.index"), i => i.ParentSpanId == release.SpanId);
        var publishes = Named("tg", "c2c.publish");
        Assert.Equal(2, publishes.Length);
        Assert.All(publishes, p => Assert.Equal((release.SpanId, 4), (p.ParentSpanId, p.Kind))); // producer, under the decision that caused it

        // Burkina Faso: each record received as a child of Togo's publish, its signature checked and validated, then decided and recorded.
        var receives = Named("bf", "c2c.receive");
        Assert.Equal(publishes.Select(p => p.SpanId).Order(), receives.Select(r => r.ParentSpanId).Order());
        Assert.All(receives, r => Assert.Equal(5, r.Kind)); // consumer
        foreach (var receive in receives)
        {
            Assert.Contains(Named("bf", "c2c.signature.verify"), s => s.ParentSpanId == receive.SpanId);
            Assert.Contains(Named("bf", "c2c.xml.validate"), s => s.ParentSpanId == receive.SpanId);
            var decision = Assert.Single(Named("bf", "c2c.decision"), d => Under(d, receive));
            Assert.Contains(Named("bf", "c2c.archive"), a => a.ParentSpanId == decision.SpanId);
            Assert.Contains(Named("bf", "c2c.index"), i => i.ParentSpanId == decision.SpanId);
        }
    }
}
