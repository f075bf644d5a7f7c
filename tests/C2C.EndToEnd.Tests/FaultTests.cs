using C2C.Adapters.RabbitMq;
using C2C.Adapters.ServiceBus;
using C2C.Core.Messages;
using C2C.Core.Ports;
using Xunit.Abstractions;

namespace C2C.EndToEnd.Tests;

/// <summary>
/// Nothing lost, nothing applied twice: nodes killed with SIGKILL mid-flow, the broker (RabbitMQ, or both Service Bus
/// namespaces) and the storage emulator restarted, duplicate deliveries injected; every movement still ends written
/// off on both sides, each message once.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class FaultTests(LocalStack stack, ITestOutputHelper output)
{
    private const int Movements = 8;

    [Theory]
    [InlineData(CorridorBroker.RabbitMq)]
    [InlineData(CorridorBroker.ServiceBus)]
    public async Task Killed_nodes_restarted_broker_and_storage_and_duplicates_still_end_in_one_correct_state(CorridorBroker broker)
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], broker: broker);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrns = Enumerable.Range(0, Movements).Select(_ => EndToEnd.Tests.Movements.NewMrn()).ToList();
        var firstHalf = mrns.Take(Movements / 2).ToList();
        var secondHalf = mrns.Skip(Movements / 2).ToList();

        // 1. Releases at Lomé; Burkina's node dies (SIGKILL) while the records are on their way.
        foreach (var mrn in firstHalf)
            await tg.AcceptedAsync(EndToEnd.Tests.Movements.Sample("IE015-TransitDeclaration", mrn));
        bf.Process.Kill();
        // 2. The broker restarts under Togo's node; Togo keeps releasing (published or left in its outbox).
        await corridor.RestartBrokerAsync();
        foreach (var mrn in secondHalf.Take(1))
            await tg.AcceptedAsync(EndToEnd.Tests.Movements.Sample("IE015-TransitDeclaration", mrn));
        // 3. Togo's node is killed while declarations are being posted (some committed, some published, some
        //    neither); the national system posts again, after the restart, what got no answer.
        var answered = new System.Collections.Concurrent.ConcurrentBag<string>();
        var posting = Task.Run(async () =>
        {
            foreach (var mrn in secondHalf.Skip(1))
            {
                try
                {
                    if ((await tg.PostAsync(EndToEnd.Tests.Movements.Sample("IE015-TransitDeclaration", mrn))).Status == 200)
                        answered.Add(mrn);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // the connection died with the node
                }
            }
        });
        for (var wait = 0; wait < 100 && answered.IsEmpty; wait++)
            await Task.Delay(20);
        tg.Process.Kill(); // the next declaration is on its way, or about to be
        await posting;
        var unanswered = secondHalf.Skip(1).Except(answered).ToList();
        output.WriteLine($"posts cut off by the kill: {unanswered.Count} of {secondHalf.Count - 1}");
        await corridor.RestartAsync("TG");
        foreach (var mrn in unanswered)
            Assert.Equal(200, (await tg.PostAsync(EndToEnd.Tests.Movements.Sample("IE015-TransitDeclaration", mrn))).Status);
        // 4. The storage emulator restarts under Togo's node.
        stack.RestartAzurite();
        // 5. Duplicate deliveries: every anticipated record of the first movements published again, same ids.
        await PublishDuplicatesAsync(corridor, tg, "BF", firstHalf, "IE050", "IE001");
        // 6. Burkina comes back and works off its backlog; the storage emulator restarts under it meanwhile.
        await corridor.RestartAsync("BF");
        stack.RestartAzurite();
        foreach (var mrn in mrns)
            await EndToEnd.Tests.Movements.WaitForBothRecordsAsync(bf, mrn, seconds: 90);

        // 7. Border passages; Togo is killed while they travel, and restarted; then every passage again, same ids.
        foreach (var mrn in mrns)
            await bf.AcceptedAsync(EndToEnd.Tests.Movements.Sample("IE118-BorderPassageNotification", mrn));
        tg.Process.Kill();
        await corridor.RestartAsync("TG");
        await PublishDuplicatesAsync(corridor, bf, "TG", mrns, "IE118");
        foreach (var mrn in mrns)
            await tg.WaitForStatusAsync(mrn, "InTransit", seconds: 60);
        // 8. Arrival and control results: written off on both sides.
        foreach (var mrn in mrns)
        {
            await bf.AcceptedAsync(EndToEnd.Tests.Movements.Sample("IE006-ArrivalAdvice", mrn));
            await bf.AcceptedAsync(EndToEnd.Tests.Movements.Sample("IE018-ControlResults", mrn));
        }
        foreach (var mrn in mrns)
        {
            await tg.WaitForStatusAsync(mrn, "WrittenOff", seconds: 60);
            await bf.WaitForStatusAsync(mrn, "WrittenOff", seconds: 60);
        }
        await AssertNothingLeftOverAsync(corridor, mrns);

        foreach (var mrn in mrns)
        {
            var (departure, departureIntact) = await tg.TimelineAsync(mrn);
            var (destination, destinationIntact) = await bf.TimelineAsync(mrn);
            output.WriteLine($"{mrn}\n  TG: {string.Join(" | ", departure)}\n  BF: {string.Join(" | ", destination)}");
            Assert.True(departureIntact && destinationIntact, $"{mrn}: hash chain broken");
            Assert.Equal(["IE015", "IE050", "IE001", "IE118", "IE006", "IE018", "IE045"], departure.Select(e => e.MessageType));
            // The two records (either order), each report applied then forwarded, the write-off.
            Assert.Equal(["IE001", "IE050"], destination.Take(2).Select(e => e.MessageType).Order());
            Assert.Equal(["IE118", "IE118", "IE006", "IE006", "IE018", "IE018", "IE045"], destination.Skip(2).Select(e => e.MessageType));
            TransitCorridorTests.AssertEachMessageOnce(departure, destination);
        }
    }

    [Fact]
    public async Task A_partner_message_that_never_fits_is_held_then_answered_with_a_signed_archived_nack()
    {
        // Held for 2 s here (an hour by default): the record it needs might still have been on its way.
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], new() { ["C2C:Corridor:HoldEarlyMessagesSeconds"] = "2" });
        var mrn = EndToEnd.Tests.Movements.NewMrn();
        // Togo's administration signs a write-off notice for a movement Burkina Faso never received.
        var signer = new C2C.Adapters.Security.XmlDsig.XmlMessageSigner(C2C.Adapters.Security.XmlDsig.SigningCredential.FromCertificate(
            System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
                corridor.Network.SigningCertificate("TG").Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12), null)));
        var notice = signer.Sign(EndToEnd.Tests.Movements.Sample("IE045-WriteOffNotification", mrn));
        await using (var publisher = new RabbitMqPublisher(new RabbitMqConnections(new RabbitMqOptions { Uri = corridor.Broker.Uri })))
            await publisher.PublishAsync(new BusMessage($"tg-{mrn}", null, "IE045", MessageFamily.Transit, "TG", "BF", notice), CancellationToken.None);

        IReadOnlyList<string> nacks = [];
        for (var attempt = 0; attempt < 100 && nacks.Count == 0; attempt++, await Task.Delay(200))
            nacks = await corridor["BF"].ArchiveSearchAsync($"mrn={mrn}&type=IE906");
        var nack = System.Text.Encoding.UTF8.GetString(await corridor["BF"].ArchivedAsync(Assert.Single(nacks)));
        Assert.Contains("<ErrorCode>", nack);
        Assert.Contains("<Signature", nack);
        // Nothing applied: Burkina Faso's node only recorded the hold and its end; the NACK is archived beside the
        // movement's history (sequence 0), as every refusal is: a refusal changes nothing.
        Assert.Equal("Recorded", await corridor["BF"].StatusAsync(mrn));
        Assert.Equal(["IE045 Inbound", "TIMER Inbound"],
            (await corridor["BF"].TimelineAsync(mrn)).Events.Select(e => $"{e.MessageType} {e.Direction}"));
        // Togo cannot apply a NACK about a movement it never had, but keeps it: archived and listed.
        IReadOnlyList<TimelineEntry> received = [];
        for (var attempt = 0; attempt < 100 && received.Count == 0; attempt++, await Task.Delay(200))
            received = (await corridor["TG"].TimelineAsync(mrn)).Events;
        Assert.Equal(("IE906", "Inbound", "Recorded"), (received[0].MessageType, received[0].Direction, received[0].StatusAfter));
    }

    /// <summary>
    /// Re-publishes archived messages straight to a partner's topic, same ids, as a broker redelivery or a replaying
    /// relay would (Service Bus: the topic's duplicate detection drops them, as it would on Azure).
    /// </summary>
    private static async Task PublishDuplicatesAsync(Corridor corridor, CountryNode from, string to, IEnumerable<string> mrns, params string[] types)
    {
        var publisher = Publisher(corridor, to);
        await using var disposing = (IAsyncDisposable)publisher;
        foreach (var mrn in mrns)
        {
            foreach (var sent in (await from.TimelineAsync(mrn)).Events.Where(e => e.Direction == "Outbound" && types.Contains(e.MessageType)))
            {
                var bytes = await from.ArchivedAsync(sent.ArchiveName);
                await publisher.PublishAsync(new BusMessage(sent.MessageId, null, sent.MessageType, MessageFamily.Transit, from.Country, to, bytes, MovementReference: mrn),
                    CancellationToken.None);
            }
        }
    }

    /// <summary>A publisher straight onto <paramref name="to"/>'s topic (both kinds are <see cref="IAsyncDisposable"/>).</summary>
    private static IMessagePublisher Publisher(Corridor corridor, string to)
    {
        if (corridor.BrokerKind == CorridorBroker.RabbitMq)
            return new RabbitMqPublisher(new RabbitMqConnections(new RabbitMqOptions { Uri = corridor.Broker.Uri }));
        var ns = corridor.Namespaces[to];
        var options = new ServiceBusOptions { FullyQualifiedNamespace = "127.0.0.1", Port = ns.Port, UseTls = false, SasKeyName = C2C.Testing.ServiceBus.ServiceBusNamespace.KeyName, SasKey = ns.Key };
        return new ServiceBusPublisher(new ServiceBusDestinations([new ServiceBusDestination(to, options.Validated())]));
    }

    /// <summary>Nothing waits anywhere: no dead-lettered or queued message, nothing held.</summary>
    private async Task AssertNothingLeftOverAsync(Corridor corridor, IReadOnlyList<string> mrns)
    {
        if (corridor.BrokerKind == CorridorBroker.ServiceBus)
            await corridor.AssertServiceBusDrainedAsync();
        else
            await AssertRabbitMqDrainedAsync(corridor);
        // Nothing held by any movement's orchestration on either side.
        foreach (var country in new[] { "TG", "BF" })
        {
            foreach (var mrn in mrns)
                Assert.Equal(0, await corridor[country].HeldByOrchestrationAsync(mrn));
        }
    }

    private static async Task AssertRabbitMqDrainedAsync(Corridor corridor)
    {
        IReadOnlyDictionary<string, long> depths = new Dictionary<string, long>();
        for (var attempt = 0; attempt < 50; attempt++, await Task.Delay(200))
        {
            depths = await corridor.Broker.QueueDepthsAsync();
            if (depths.Values.All(d => d == 0))
                break;
        }
        Assert.True(depths.Values.All(d => d == 0), string.Join(", ", depths.Select(q => $"{q.Key}={q.Value}")));
        Assert.Contains(depths.Keys, q => q.EndsWith(".dlq", StringComparison.Ordinal)); // the dead-letter queues exist, and are empty
    }
}
