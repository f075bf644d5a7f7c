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
        var held = await MovementAsync(tg);
        Assert.Equal(("Released", "IE018"), (held.Status, Assert.Single(held.HeldMessages).MessageType));
        Assert.Contains("held", (await HistoryAsync(tg))[^1].History);

        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(tg, "BF", "IE118-BorderPassageNotification"));
        Assert.Equal("InTransit", (await MovementAsync(tg)).Status); // still not its turn: held
        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(tg, "BF", "IE006-ArrivalAdvice"));

        var done = await MovementAsync(tg);
        Assert.Equal("WrittenOff", done.Status);
        Assert.Empty(done.HeldMessages);
        var history = await HistoryAsync(tg);
        Assert.Equal(["IE015", "IE050", "IE001", "IE018", "IE118", "IE006", "IE018", "IE045"], history.Select(e => e.MessageType));
        Assert.Equal(["Released", "InTransit", "Arrived", "WrittenOff"], history.Skip(3).Where(e => e.Direction == MessageDirection.Inbound).Select(e => e.StatusAfter));
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
        Assert.Equal("IE010", Assert.Single((await MovementAsync(bf)).HeldMessages).MessageType);

        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(bf, "TG", "IE001-AnticipatedArrivalRecord"));
        var cancelled = await MovementAsync(bf);
        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Empty(cancelled.HeldMessages);
        Assert.Equal(["IE010", "IE001", "IE010"], (await HistoryAsync(bf)).Select(e => e.MessageType));
    }

    [Fact]
    public async Task A_held_message_that_never_fits_is_refused_with_a_nack_when_its_hold_ends()
    {
        using var tg = new InProcessNode(_network, "TG", stack, b => b.UseSetting("C2C:Corridor:HoldEarlyMessagesSeconds", "1"));
        await ReleaseAsync(tg);
        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(tg, "BF", "IE018-ControlResults"));
        Assert.Single((await MovementAsync(tg)).HeldMessages);

        var sweeper = tg.Services.GetRequiredService<DeadlineSweeper>();
        var applied = 0;
        for (var attempt = 0; attempt < 50 && applied == 0; attempt++, await Task.Delay(100))
            applied = await sweeper.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, applied);

        var movement = await MovementAsync(tg);
        Assert.Equal("Released", movement.Status);
        Assert.Empty(movement.HeldMessages);
        var history = await HistoryAsync(tg);
        var nack = history[^1];
        Assert.Equal(("IE906", MessageDirection.Outbound, "BFOUA001"), (nack.MessageType, nack.Direction, nack.RecipientOffice));
        Assert.Contains("Hold ended", history[^2].History);
        // The NACK leaves through the outbox like every message the movement sends, signed.
        var pending = await tg.Services.GetRequiredService<IMovementIndex>().PendingOutboxAsync(100, CancellationToken.None);
        var item = Assert.Single(pending, p => p.MovementReference == Samples.Mrn && p.MessageType == "IE906");
        Assert.Equal(("BF", MessageFamily.Control), (item.DestinationCountry, item.Family));
        var archived = await tg.Services.GetRequiredService<IMessageArchive>().ReadAsync(item.ArchiveName, CancellationToken.None);
        var xml = System.Text.Encoding.UTF8.GetString(archived!.Content);
        Assert.Contains("<ErrorCode>92</ErrorCode>", xml);
        Assert.Contains("<Signature", xml);
        // A second sweep changes nothing.
        Assert.Equal(0, await sweeper.RunOnceAsync(CancellationToken.None));
        Assert.Equal(history.Count, (await HistoryAsync(tg)).Count);
    }

    [Fact]
    public async Task A_message_about_a_movement_with_no_record_waits_only_the_short_hold_and_is_answered_90()
    {
        // An hour for a message that came early; one second for one whose movement this node never heard of.
        using var bf = new InProcessNode(_network, "BF", stack, ("C2C:Corridor:HoldEarlyMessagesSeconds", "3600"), ("C2C:Corridor:HoldUnknownMovementSeconds", "1"));
        Assert.Same(DeliveryOutcome.Complete, await DeliverAsync(bf, "TG", "IE045-WriteOffNotification"));
        var held = Assert.Single((await MovementAsync(bf)).HeldMessages);
        Assert.Equal("90", held.Code);

        var sweeper = bf.Services.GetRequiredService<DeadlineSweeper>();
        var applied = 0;
        for (var attempt = 0; attempt < 50 && applied == 0; attempt++, await Task.Delay(100))
            applied = await sweeper.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, applied);
        Assert.Empty((await MovementAsync(bf)).HeldMessages);
        var nack = (await HistoryAsync(bf))[^1];
        Assert.Equal(("IE906", MessageDirection.Outbound), (nack.MessageType, nack.Direction));
        var archived = await bf.Services.GetRequiredService<IMessageArchive>().ReadAsync(nack.ArchiveName, CancellationToken.None);
        Assert.Contains("<ErrorCode>90</ErrorCode>", System.Text.Encoding.UTF8.GetString(archived!.Content));
    }

    [Fact]
    public async Task Over_http_a_message_out_of_sequence_is_refused_at_once()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        await ReleaseAsync(tg);
        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(tg.Administration("BF"), tg.SignAs("BF", Samples.Bytes("IE018-ControlResults"))));
        Assert.Equal(422, answer.Status);
        Assert.Contains("92", answer.ErrorCodes);
        Assert.Empty((await MovementAsync(tg)).HeldMessages);
    }
}
