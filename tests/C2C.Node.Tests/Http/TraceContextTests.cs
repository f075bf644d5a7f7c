using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Http;

/// <summary>W3C trace context: from an office's HTTP post into every record it causes, and from a partner's delivery into the answers.</summary>
[Collection(StackCollection.Name)]
public sealed class TraceContextTests(LocalStack stack) : IDisposable
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task Records_caused_by_a_post_carry_the_posts_trace()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var client = tg.Offices();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        await Answer.ReadAsync(await InProcessNode.PostAsync(client, Samples.Bytes("IE015-TransitDeclaration")));

        // The anticipated records, published by the movement's orchestration after it answered.
        var records = await tg.Postbox.WaitForAsync(m => m.MessageType is "IE050" or "IE001", count: 2);
        Assert.All(records, item => Assert.StartsWith($"00-{TraceId}-", item.TraceParent));
    }

    [Fact]
    public async Task Answers_to_a_partners_delivery_continue_the_partners_trace()
    {
        using var bf = new InProcessNode(_network, "BF", stack);
        var enquiry = bf.SignAs("TG", Samples.Bytes("IE142-EnquiryRequest"));
        var delivery = new BusDelivery(new BusMessage("TGLOM-20261209-0142", null, "IE142", MessageFamily.Transit, "TG", "BF", enquiry,
            $"00-{TraceId}-00f067aa0ba902b7-01"), 1);

        Assert.Equal(DeliveryOutcome.Complete, await bf.Services.GetRequiredService<InboundDeliveryHandler>().HandleAsync(delivery, CancellationToken.None));

        var answer = Assert.Single(await bf.Postbox.WaitForAsync(m => m.DestinationCountry == "TG"));
        Assert.Equal("IE143", answer.MessageType);
        Assert.StartsWith($"00-{TraceId}-", answer.TraceParent);
        Assert.DoesNotContain("00f067aa0ba902b7", answer.TraceParent); // a span of its own under the partner's
    }
}
