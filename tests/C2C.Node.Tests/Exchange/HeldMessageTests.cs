using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Exchange;

/// <summary>
/// A partner's delivery that comes before the one it follows (a redelivery, consumers working side by side) is held
/// for its movement, applied once the movement allows it, or refused with a NACK when its hold ends: never lost,
/// never applied out of order. Nodes in process on real Azurite; deliveries go through the bus handler.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class HeldMessageTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private static async Task<DeliveryOutcome> DeliverAsync(InProcessNode to, string from, string sample, string? messageType = null)
    {
        var signed = to.SignAs(from, Samples.Bytes(sample));
        var delivery = new BusDelivery(new BusMessage($"{from}-{sample}", null, messageType ?? sample[..5], MessageFamily.Transit, from, to.Country, signed,
            MovementReference: Samples.Mrn), 1);
        return await to.Services.GetRequiredService<InboundDeliveryHandler>().HandleAsync(delivery, CancellationToken.None);
    }

    private static async Task<MovementRecord> MovementAsync(InProcessNode node) =>
        (await node.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None))!;

    /// <summary>What the movement's orchestration says it holds, in the ops status of the movement (bounded wait: it says so when it checkpoints).</summary>
    private static async Task HeldByOrchestrationAsync(InProcessNode node, int held)
    {
        var seen = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var movement = System.Text.Json.JsonDocument.Parse(seen = await node.Auditor().GetStringAsync($"api/v1/movements/{Samples.Mrn}"));
            if (movement.RootElement.GetProperty("orchestration").GetProperty("progress") is { ValueKind: System.Text.Json.JsonValueKind.Object } progress
                && progress.GetProperty("held").GetInt32() == held)
                return;
        }
        Assert.Fail($"the orchestration does not say it holds {held}: {seen}");
    }

    /// <summary>Held in its movement's orchestration: the history lists the hold at once, under held-{message id}, state unchanged.</summary>
    private static async Task<MovementEvent> HeldAsync(InProcessNode node, string messageType) =>
        Assert.Single(await HistoryAsync(node), e => e.MessageId.StartsWith("held-", StringComparison.Ordinal) && e.MessageType == messageType);

    private static async Task<List<MovementEvent>> HistoryAsync(InProcessNode node) =>
        [.. await node.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None)];

    private static async Task ReleaseAsync(InProcessNode tg)
    {
        var receipt = await Answer.ReadAsync(await InProcessNode.PostAsync(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration")));
        Assert.Equal(200, receipt.Status);
    }

    [Fact]
    public async Task Control_results_before_the_arrival_advice_wait_and_are_applied_after_it()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        await ReleaseAsync(tg);

        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(tg, "BF", "IE018-ControlResults"));
        Assert.Equal("Released", (await MovementAsync(tg)).Status.Name);
        Assert.Contains("held", (await HeldAsync(tg, "IE018")).History);
        await HeldByOrchestrationAsync(tg, 1);

        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(tg, "BF", "IE118-BorderPassageNotification"));
        Assert.Equal("InTransit", (await MovementAsync(tg)).Status.Name); // still not its turn: held
        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(tg, "BF", "IE006-ArrivalAdvice"));

        await tg.WaitForStatusAsync(Samples.Mrn, "WrittenOff");
        await HeldByOrchestrationAsync(tg, 0);
        var history = await HistoryAsync(tg);
        Assert.Equal(["IE015", "IE050", "IE001", "IE018", "IE118", "IE006", "IE018", "IE045"], history.Select(e => e.MessageType));
        Assert.Equal(["Released", "InTransit", "Arrived", "WrittenOff"], history.Skip(3).Where(e => e.Direction == MessageDirection.Inbound).Select(e => e.StatusAfter.Name));
        Assert.DoesNotContain(history, e => e.MessageType is "IE906");
        // A redelivery of the results after all this: the same receipt, nothing applied twice.
        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(tg, "BF", "IE018-ControlResults"));
        Assert.Equal(history.Count, (await HistoryAsync(tg)).Count);
    }

    [Fact]
    public async Task A_cancellation_before_the_record_it_cancels_waits_for_the_record()
    {
        using var bf = new InProcessNode(_network, "BF", stack);
        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(bf, "TG", "IE010-CancellationNotification"));
        await HeldAsync(bf, "IE010");

        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(bf, "TG", "IE001-AnticipatedArrivalRecord"));
        await bf.WaitForStatusAsync(Samples.Mrn, "Cancelled");
        Assert.Equal(["IE010", "IE001", "IE010"], (await HistoryAsync(bf)).Select(e => e.MessageType));
    }

    [Fact]
    public async Task A_held_message_that_never_fits_is_refused_with_a_nack_when_its_hold_ends()
    {
        using var tg = new InProcessNode(_network, "TG", stack, b => b.UseSetting("C2C:Corridor:HoldEarlyMessagesSeconds", "1"));
        await ReleaseAsync(tg);
        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(tg, "BF", "IE018-ControlResults"));
        await HeldAsync(tg, "IE018");

        // Its hold ends (a durable timer): refused with 92, the NACK signed and sent to the border office's country.
        var nack = Assert.Single(await tg.Postbox.WaitForAsync(m => m.MessageType == "IE906"));
        Assert.Equal(("BF", MessageFamily.Control), (nack.DestinationCountry, nack.Family));
        var xml = System.Text.Encoding.UTF8.GetString(nack.Body.Span);
        Assert.Contains("<ErrorCode>92</ErrorCode>", xml);
        Assert.Contains("<Signature", xml);
        var history = await HistoryAsync(tg);
        Assert.Contains("Hold ended", history[^1].History);
        Assert.Equal("Released", (await MovementAsync(tg)).Status.Name);
        // Archived like every message the node sends, outside the movement's history (a refusal changes nothing).
        var archived = await tg.Services.GetRequiredService<IMessageArchive>().SearchAsync(new ArchiveQuery(MovementReference: Samples.Mrn, MessageType: "IE906"), CancellationToken.None);
        Assert.Equal(nack.MessageId, Assert.Single(archived).MessageId);
    }

    [Fact]
    public async Task A_message_about_a_movement_with_no_record_waits_only_the_short_hold_and_is_answered_90()
    {
        // An hour for a message that came early; one second for one whose movement this node never heard of.
        using var bf = new InProcessNode(_network, "BF", stack, ("C2C:Corridor:HoldEarlyMessagesSeconds", "3600"), ("C2C:Corridor:HoldUnknownMovementSeconds", "1"));
        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(bf, "TG", "IE045-WriteOffNotification"));
        await HeldAsync(bf, "IE045");

        var nack = Assert.Single(await bf.Postbox.WaitForAsync(m => m.MessageType == "IE906", seconds: 20));
        Assert.Contains("<ErrorCode>90</ErrorCode>", System.Text.Encoding.UTF8.GetString(nack.Body.Span));
        Assert.Contains("Hold ended", (await HistoryAsync(bf))[^1].History);
    }

    [Fact]
    public async Task Over_http_a_message_out_of_sequence_is_refused_at_once()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        await ReleaseAsync(tg);
        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(tg.Administration("BF"), tg.SignAs("BF", Samples.Bytes("IE018-ControlResults"))));
        Assert.Equal(422, answer.Status);
        Assert.Contains("92", answer.ErrorCodes);
        Assert.DoesNotContain(await HistoryAsync(tg), e => e.MessageId.StartsWith("held-", StringComparison.Ordinal));
    }
}
