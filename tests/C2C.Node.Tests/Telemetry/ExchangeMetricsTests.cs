using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Telemetry;
using C2C.Node.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace C2C.Node.Tests.Telemetry;

/// <summary>
/// The exchange's metrics after a journey (Lomé → Ouagadougou, written off), read through OpenTelemetry's in-memory
/// exporter: messages in and out by type and result, NACKs by code, dead-letters by reason, movements by status, the
/// corridor's release-to-passage/arrival/write-off histograms, storage and broker latency. Lower bounds: other tests of
/// the process may measure too.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ExchangeMetricsTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task A_journey_is_counted_and_timed_by_type_result_status_and_reason()
    {
        var exported = new List<MetricSnapshot>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(ExchangeTelemetry.Name).AddInMemoryExporter(exported).Build();
        using var tg = new InProcessNode(_network, "TG", stack);
        using var bf = new InProcessNode(_network, "BF", stack);
        var mrn = Samples.NewMrn();

        await Accepted(tg, Samples.ForMovement("IE015-TransitDeclaration", mrn));
        await tg.Postbox.WaitForAsync(m => m.MessageType is "IE050" or "IE001", count: 2);
        Assert.Equal(2, (await Courier.DeliverAsync(tg, bf)).Count);
        foreach (var (sample, tgStatus) in new[] { ("IE118-BorderPassageNotification", "InTransit"), ("IE006-ArrivalAdvice", "Arrived"), ("IE018-ControlResults", "WrittenOff") })
        {
            await Accepted(bf, Samples.ForMovement(sample, mrn));
            Assert.Equal(tgStatus, Assert.Single(await Courier.DeliverAsync(bf, tg)).Value("MovementStatus"));
        }
        await tg.WaitForStatusAsync(mrn, "WrittenOff");
        // Refused: a declaration that fails the schema (NACK XML-coded), and a partner's delivery with no signature (dead-lettered).
        var invalid = await Answer.ReadAsync(await InProcessNode.PostAsync(tg.Offices(), InProcessNode.Utf8("<TransitDeclaration xmlns=\"urn:c2c:transit:v1\"/>")));
        Assert.Equal(400, invalid.Status);
        var unsigned = new BusDelivery(new BusMessage("TG-UNSIGNED-1", null, "IE050", MessageFamily.Transit, "TG", "BF", Samples.ForMovement("IE050-AnticipatedTransitRecord", Samples.NewMrn())), 1);
        Assert.IsType<DeliveryOutcome.DeadLetterOutcome>(await bf.Services.GetRequiredService<InboundDeliveryHandler>().HandleAsync(unsigned, CancellationToken.None));
        // The movements publish after they answered: all six records out, and their publish timed.
        await tg.Postbox.WaitForAsync(m => m.MessageType is "IE050" or "IE001" or "IE045", count: 3);
        await bf.Postbox.WaitForAsync(m => m.MessageType is "IE118" or "IE006" or "IE018", count: 3);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); meters.ForceFlush() && Count(exported, "c2c.broker.duration", ("operation", "publish"), ("outcome", "ok")) < 6
             && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
        }

        Assert.True(Sum(exported, "c2c.messages.in", ("channel", "http"), ("type", "IE015"), ("result", "accepted")) >= 1);
        Assert.True(Sum(exported, "c2c.messages.in", ("channel", "http"), ("type", "IE018"), ("result", "accepted")) >= 2); // at BF, then forwarded to TG
        Assert.True(Sum(exported, "c2c.messages.in", ("channel", "broker"), ("type", "IE050"), ("result", "deadlettered")) >= 1);
        Assert.True(Sum(exported, "c2c.messages.out", ("type", "IE050"), ("destination", "BF"), ("result", "confirmed")) >= 1);
        Assert.True(Sum(exported, "c2c.messages.out", ("type", "IE045"), ("destination", "BF"), ("result", "confirmed")) >= 1);
        Assert.True(Sum(exported, "c2c.nacks", ("type", "IE917")) >= 1);
        Assert.True(Sum(exported, "c2c.deadletters", ("reason", "InvalidSignature")) >= 1);
        foreach (var status in new[] { "Released", "InTransit", "Arrived", "WrittenOff", "ExpectedAtBorder", "ArrivedAtDestination" })
            Assert.True(Sum(exported, "c2c.movements.transitions", ("status", status)) >= 1, status);
        foreach (var kpi in new[] { "c2c.corridor.release_to_border_passage", "c2c.corridor.release_to_arrival", "c2c.corridor.release_to_write_off" })
            Assert.True(Count(exported, kpi) >= 1, kpi);
        Assert.True(Count(exported, "c2c.storage.duration", ("operation", "index.commit"), ("outcome", "ok")) >= 9); // a step each: 4 at TG, 5 at BF
        Assert.True(Count(exported, "c2c.storage.duration", ("operation", "archive.store"), ("outcome", "ok")) >= 10);
        Assert.True(Count(exported, "c2c.broker.duration", ("operation", "publish"), ("outcome", "ok")) >= 6,
            string.Join("; ", exported.Where(m => m.Name == "c2c.broker.duration").TakeLast(1).SelectMany(m => m.MetricPoints).Select(p => $"{string.Join(",", Tags(p))}={p.GetHistogramCount()}")));
    }

    private static async Task Accepted(InProcessNode node, byte[] xml)
    {
        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(node.Offices(), xml));
        Assert.True(answer.Status == 200 && answer.Outcome == "accepted", answer.ToString());
    }

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> exported, string name, (string Key, string Value)[] tags)
    {
        var last = exported.LastOrDefault(m => m.Name == name) ?? throw new Xunit.Sdk.XunitException($"no {name} exported; got {string.Join(", ", exported.Select(m => m.Name).Distinct())}");
        foreach (var point in last.MetricPoints)
        {
            var have = new Dictionary<string, string?>();
            foreach (var tag in point.Tags)
                have[tag.Key] = tag.Value?.ToString();
            if (tags.All(t => have.GetValueOrDefault(t.Key) == t.Value))
                yield return point;
        }
    }

    private static IEnumerable<string> Tags(MetricPoint point)
    {
        var tags = new List<string>();
        foreach (var tag in point.Tags)
            tags.Add($"{tag.Key}:{tag.Value}");
        return tags;
    }

    private static long Sum(List<MetricSnapshot> exported, string name, params (string Key, string Value)[] tags) =>
        Points(exported, name, tags).Sum(p => p.GetSumLong());

    private static long Count(List<MetricSnapshot> exported, string name, params (string Key, string Value)[] tags) =>
        Points(exported, name, tags).Sum(p => p.GetHistogramCount());
}
