using C2C.Adapters.Security.XmlDsig;
using C2C.Adapters.Storage;
using C2C.Core.Archive;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Integration.Tests.Messaging;
using C2C.Integration.Tests.Storage;
using C2C.Testing;

namespace C2C.Integration.Tests.Exchange;

/// <summary>
/// The outbox relay and the deadline sweep on real Azurite and RabbitMQ, when something is wrong with part of their
/// work: one partner cannot be reached, one movement's timer cannot be applied. The rest must go on.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class TimersAndRelayTests(LocalStack stack)
{
    private readonly CancellationToken _ct = CancellationToken.None;

    private static MessageExchange Exchange(StorageClients clients, IMessagePublisher? publisher) =>
        new(new NodeContext("TG"), new BlobMessageArchive(clients.Archive), new TableMovementIndex(clients),
            [new TransitProcess("TG", CorridorPolicy.Default)], new XmlDsigMessageSigner(new XmlMessageSigner(SigningCredential.FromCertificate(TestCertificates.Ecdsa("TG test")))),
            publisher, TimeProvider.System);

    /// <summary>A movement that committed one outbox item to <paramref name="country"/> (its publish after the commit "failed").</summary>
    private async Task CommitPendingAsync(StorageClients clients, string mrn, string country)
    {
        var index = new TableMovementIndex(clients);
        var stored = await new BlobMessageArchive(clients.Archive).StoreAsync(new ArchiveEntry(mrn, 1, "IE050", $"{mrn}-rec", MessageDirection.Outbound,
            "TGLOM001", $"{country}CIN001", DateTimeOffset.UtcNow, "Signed", "<record/>"u8.ToArray()), _ct);
        var e = EventHashChain.Seal(EventHashChain.Genesis, new MovementEvent(1, $"{mrn}-rec", "IE050", MessageDirection.Outbound, "TGLOM001", $"{country}CIN001",
            stored.Name, stored.Sha256, "Released", "record", DateTimeOffset.UtcNow, "", ""));
        await index.LoadAsync(mrn, $"{mrn}-in", _ct);
        Assert.Equal(CommitOutcome.Committed, await index.CommitAsync(new MovementCommit(mrn, null, "Released", "{}", new Dictionary<string, string>(), [e],
            new DedupRecord($"{mrn}-in", mrn, "", 1, []), [new OutboxItem(mrn, 1, $"{mrn}-rec", "IE050", MessageFamily.Transit, country, stored.Name, null, null)], [], []), _ct));
    }

    [Fact]
    public async Task A_partner_that_cannot_be_reached_does_not_hold_up_the_others()
    {
        var clients = await StorageFixture.NewNodeAsync(stack);
        await using var reachable = new RabbitMqFixture(stack, "QR");
        await reachable.ResetAsync();
        var received = reachable.Consume(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await reachable.WaitForQueueAsync(MessageFamily.Transit);
        // More items than one page for a country with no topic on the broker, listed before the one that can go.
        var stuck = Enumerable.Range(0, OutboxRelay.BatchSize + 20).Select(i => $"A{i:D6}").ToList();
        await Task.WhenAll(stuck.Select(mrn => CommitPendingAsync(clients, mrn, "QZ")));
        await CommitPendingAsync(clients, "B000001", "QR");

        var relay = new OutboxRelay(new TableMovementIndex(clients), Exchange(clients, reachable.Publisher));
        Assert.Equal(stuck.Count + 1, await relay.RunOnceAsync(_ct));

        var (delivery, _) = await received.NextAsync();
        Assert.Equal("B000001-rec", delivery.Message.MessageId);
        var pending = await new TableMovementIndex(clients).PendingOutboxAsync(1000, _ct);
        Assert.Equal(stuck.Order(), pending.Select(p => p.MovementReference).Order()); // kept for the next run, none lost
    }

    [Fact]
    public async Task A_timer_that_cannot_be_applied_does_not_hold_up_the_others()
    {
        var clients = await StorageFixture.NewNodeAsync(stack);
        var index = new TableMovementIndex(clients);
        var due = DateTimeOffset.UtcNow.AddMinutes(-5);
        var released = DepartureDecider.Decide("26TGLOM000000200J0", null, new DeclarationReleased("R", "TGLOM001", "BFOUA001", MessageOrigin.Local,
            new RouteFacts("TGLOM001", "BFOUA001", [new RouteOffice("BFOUA001", RouteOffice.Destination)], DateOnly.FromDateTime(due.UtcDateTime), due.AddDays(-3), null)),
            CorridorPolicy.Default).State!;
        // The first movement's state cannot be read (as if written by a broken release); the second is sound.
        foreach (var (mrn, state) in new[] { ("26TGLOM000000100J0", "{broken"), ("26TGLOM000000200J0", TransitStateSerializer.Serialize(released)) })
        {
            var e = EventHashChain.Seal(EventHashChain.Genesis, new MovementEvent(1, $"{mrn}-in", "IE015", MessageDirection.Inbound, "TGLOM001", "TGLOM001",
                "", "", "Released", "released", due, "", ""));
            await index.LoadAsync(mrn, $"{mrn}-in", _ct);
            await index.CommitAsync(new MovementCommit(mrn, null, "Released", state, new Dictionary<string, string>(), [e],
                new DedupRecord($"{mrn}-in", mrn, "", 1, []), [], [new Deadline(mrn, DeadlineKinds.TimeLimit, due)], []), _ct);
        }

        var sweeper = new DeadlineSweeper(index, Exchange(clients, null), TimeProvider.System);
        var failure = await Assert.ThrowsAsync<AggregateException>(() => sweeper.RunOnceAsync(_ct));
        Assert.Contains("26TGLOM000000100J0", Assert.Single(failure.InnerExceptions).Message);
        Assert.Equal("Overdue", (await index.GetAsync("26TGLOM000000200J0", _ct))!.Status);
        // The broken one stays due: nothing is dropped, the next sweep tries it again.
        Assert.Contains(await index.DueDeadlinesAsync(DateTimeOffset.UtcNow, 10, _ct), d => d.MovementReference == "26TGLOM000000100J0");
    }
}
