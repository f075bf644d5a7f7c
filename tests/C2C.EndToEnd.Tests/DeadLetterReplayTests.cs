namespace C2C.EndToEnd.Tests;

/// <summary>
/// Operations fix the cause and replay what was dead-lettered: Burkina Faso knows Togo's administration by an outdated
/// certificate, so Togo's anticipated records are refused (InvalidSignature) and dead-lettered; once Togo's current
/// certificate is registered (a settings change and a restart), the operator replays one movement's records through the
/// normal inbound path and purges the other's. Each replayed record is applied exactly once, the purged ones never; every
/// action is in the journal. On both brokers.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class DeadLetterReplayTests(LocalStack stack)
{
    [Theory]
    [InlineData(CorridorBroker.RabbitMq)]
    [InlineData(CorridorBroker.ServiceBus)]
    public async Task Records_dead_lettered_for_an_unknown_certificate_are_applied_once_when_replayed_after_the_certificate_is_registered(CorridorBroker broker)
    {
        var outdated = Path.Combine(Path.GetTempPath(), $"c2c-outdated-{Guid.NewGuid():N}.crt.pem");
        using (var old = TestCertificates.Ecdsa("TG customs administration (outdated key)"))
            await File.WriteAllTextAsync(outdated, old.ExportCertificatePem());
        try
        {
            await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], broker: broker,
                nodeOverrides: new Dictionary<string, Dictionary<string, string>> { ["BF"] = new() { ["C2C:Partners:TG:SigningCertificates:0:PemPath"] = outdated } });
            var (tg, bf) = (corridor["TG"], corridor["BF"]);
            var (replayed, purged) = (Movements.NewMrn(), Movements.NewMrn());
            await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", replayed));
            await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", purged));

            // Refused before anything is interpreted: dead-lettered with the reason, archived under _refused/, nothing applied.
            var dead = await WaitForDeadLettersAsync(bf, 4);
            Assert.All(dead, d => Assert.Equal(("TG", "InvalidSignature", true), (d.SourceCountry, d.Reason, d.Readable)));
            Assert.All(dead, d => Assert.StartsWith($"{DateTime.UtcNow:yyyy}", d.ArchiveName));
            Assert.Equal(["IE001", "IE001", "IE050", "IE050"], dead.Select(d => d.MessageType).Order());
            Assert.Null(await bf.StatusAsync(replayed));

            // The cause fixed: Togo's current certificate registered beside the outdated one, and the node restarted.
            bf.Process.Kill();
            bf.Process.SetEnvironment("C2C__Partners__TG__SigningCertificates__1__PemPath", corridor.Network.SigningCertificatePath("TG"));
            await corridor.RestartAsync("BF");

            var toReplay = dead.Where(d => d.MovementReference == replayed).ToList();
            var toPurge = dead.Where(d => d.MovementReference == purged).ToList();
            var results = await bf.SettleDeadLettersAsync("replay", "transit", toReplay.Select(d => d.MessageId));
            Assert.Equal(2, results.Count);
            Assert.All(results, r => Assert.Equal((true, "applied"), (r.Removed, r.Result)));
            Assert.Equal(2, (await bf.SettleDeadLettersAsync("purge", "transit", toPurge.Select(d => d.MessageId))).Count(r => r.Removed));

            await Movements.WaitForBothRecordsAsync(bf, replayed);
            Assert.Equal("ExpectedAtBorder", await bf.StatusAsync(replayed));
            Assert.Empty(await bf.DeadLettersAsync());
            // Replayed again: nothing is left to replay, and nothing is applied twice.
            Assert.Empty(await bf.SettleDeadLettersAsync("replay", "transit", toReplay.Select(d => d.MessageId)));
            var (timeline, intact) = await bf.TimelineAsync(replayed);
            Assert.True(intact);
            Assert.Equal(["IE001 in", "IE050 in"], timeline.Select(e => $"{e.MessageType} {(e.Direction == "Inbound" ? "in" : "out")}").Order());
            Assert.Null(await bf.StatusAsync(purged));

            // Who did what, when: two replays and two purges by the node's operator.
            var journal = await bf.JournalAsync();
            Assert.Equal(4, journal.Count);
            Assert.All(journal, a => Assert.Equal("BF-OPS", a.By));
            Assert.Equal(toReplay.Select(d => d.MessageId).Order(), journal.Where(a => a.Action == "replay").Select(a => a.MessageId).Order());
            Assert.Equal(toPurge.Select(d => d.MessageId).Order(), journal.Where(a => a.Action == "purge").Select(a => a.MessageId).Order());
            if (broker == CorridorBroker.ServiceBus)
                Assert.Equal(0, corridor.Namespaces["BF"].DeadLetterQueue("BF", C2C.Core.Messages.MessageFamily.Transit).Available);
        }
        finally
        {
            File.Delete(outdated);
        }
    }

    private static async Task<IReadOnlyList<DeadLetterEntry>> WaitForDeadLettersAsync(CountryNode node, int count, int seconds = 60)
    {
        IReadOnlyList<DeadLetterEntry> found = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < deadline; await Task.Delay(300))
        {
            found = await node.DeadLettersAsync();
            if (found.Count >= count)
                return found;
        }
        throw new TimeoutException($"{found.Count} of {count} dead letters at {node.Country} within {seconds} s\n{node.Process.Log[Math.Max(0, node.Process.Log.Length - 4000)..]}");
    }
}
