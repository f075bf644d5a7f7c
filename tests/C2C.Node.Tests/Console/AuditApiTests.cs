using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using C2C.Adapters.Storage;
using C2C.Core.Ports;
using C2C.Node.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Console;

/// <summary>The audit API behind the console: integrity verdicts (and their failures after tampering), the ops view, roles.</summary>
[Collection(StackCollection.Name)]
public sealed class AuditApiTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private static async Task<JsonElement> IntegrityAsync(InProcessNode node, string mrn)
    {
        var response = await node.Auditor().GetAsync($"api/v1/audit/movements/{mrn}/integrity");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static IEnumerable<(string Check, bool Passed)> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("check").GetString()!, c.GetProperty("passed").GetBoolean()));

    /// <summary>Burkina Faso's node with the two records Togo signed, as the broker would have delivered them.</summary>
    private async Task<InProcessNode> DestinationWithRecordsAsync()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var bf = new InProcessNode(_network, "BF", stack);
        await InProcessNode.PostAsync(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        Assert.Equal(2, (await Courier.DeliverAsync(tg, bf)).Count);
        return bf;
    }

    [Fact]
    public async Task Untouched_movement_passes_every_check_including_the_partner_signatures()
    {
        using var bf = await DestinationWithRecordsAsync();
        var report = await IntegrityAsync(bf, Samples.Mrn);
        Assert.True(report.GetProperty("passed").GetBoolean());
        var checks = Checks(report).ToList();
        Assert.Equal(1, checks.Count(c => c.Check == "hash chain"));
        Assert.Equal(2, checks.Count(c => c.Check == "archived original"));
        Assert.Equal(2, checks.Count(c => c.Check == "partner signature"));
    }

    [Fact]
    public async Task A_signature_valid_when_received_still_passes_after_the_certificate_expired()
    {
        var clock = new MovableClock();
        using var tg = new InProcessNode(_network, "TG", stack);
        using var bf = new InProcessNode(_network, "BF", stack, b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await InProcessNode.PostAsync(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        Assert.Equal(2, (await Courier.DeliverAsync(tg, bf)).Count);
        var history = await bf.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None);

        // A day after Togo's signing certificate expired, checked against today, the first record's signature fails...
        clock.Offset = _network.SigningCertificate("TG").NotAfter.ToUniversalTime() - DateTime.UtcNow + TimeSpan.FromDays(1);
        var first = (await bf.Services.GetRequiredService<IMessageArchive>().ReadAsync(history[0].ArchiveName, CancellationToken.None))!.Content;
        Assert.Equal(SignatureVerdict.Expired, bf.Services.GetRequiredService<ISignatureVerifier>().Verify(first, history[0].SenderOffice).Verdict);

        // ...but the audit judges each signature when its message was received, and says so.
        var report = await IntegrityAsync(bf, Samples.Mrn);
        Assert.True(report.GetProperty("passed").GetBoolean(), report.ToString());
        var signatures = report.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("check").GetString() == "partner signature").ToList();
        Assert.Equal(2, signatures.Count);
        foreach (var (check, received) in signatures.Zip(history))
        {
            Assert.StartsWith("Valid", check.GetProperty("detail").GetString());
            Assert.EndsWith($"(as of {received.AppliedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, when it was received)", check.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task A_changed_blob_fails_its_hash_and_its_signature()
    {
        using var bf = await DestinationWithRecordsAsync();
        var history = await bf.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None);
        var blob = bf.Services.GetRequiredService<StorageClients>().Archive.GetBlobClient(history[0].ArchiveName);
        var original = (await blob.DownloadContentAsync()).Value.Content.ToString();
        await blob.UploadAsync(BinaryData.FromString(original.Replace("18500000.00", "1850000.00")), overwrite: true);

        var report = await IntegrityAsync(bf, Samples.Mrn);
        Assert.False(report.GetProperty("passed").GetBoolean());
        var failed = Checks(report).Where(c => !c.Passed).Select(c => c.Check).ToList();
        Assert.Equal(["archived original", "partner signature"], failed);
    }

    [Fact]
    public async Task A_changed_history_row_breaks_the_chain()
    {
        using var bf = await DestinationWithRecordsAsync();
        var clients = bf.Services.GetRequiredService<StorageClients>();
        var table = clients.Table(clients.Names.Movements);
        var row = (await table.GetEntityAsync<TableEntity>(Samples.Mrn, "evt-000001")).Value;
        row["StatusAfter"] = "WrittenOff";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var report = await IntegrityAsync(bf, Samples.Mrn);
        Assert.Equal(("hash chain", false), Checks(report).First());
        Assert.Contains("broken at event #1", report.GetProperty("checks")[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ops_view_shows_movements_in_transit_overdue_and_under_enquiry_to_auditors_only()
    {
        // Enquiries open 7 days after the time limit (NCTS): one movement expired 3 days ago, one 10 days ago.
        using var tg = new InProcessNode(_network, "TG", stack);
        var (released, crossed, overdue, enquiry) = (Samples.NewMrn(), Samples.NewMrn(), Samples.NewMrn(), Samples.NewMrn());
        await AcceptedAsync(tg.Offices(), Samples.ForMovement("IE015-TransitDeclaration", released));
        await AcceptedAsync(tg.Offices(), Samples.ForMovement("IE015-TransitDeclaration", crossed));
        await AcceptedAsync(tg.Administration("BF"), tg.SignAs("BF", Samples.ForMovement("IE118-BorderPassageNotification", crossed)));
        // Their deadlines are durable timers, due at once: wait until each movement has taken them.
        await AcceptedAsync(tg.Offices(), Samples.OverdueDeclaration(enquiry, daysAgo: 10));
        await AcceptedAsync(tg.Offices(), Samples.OverdueDeclaration(overdue, daysAgo: 3));
        await tg.WaitForStatusAsync(enquiry, "UnderEnquiry");
        await tg.WaitForStatusAsync(overdue, "Overdue");

        async Task<Dictionary<string, string>> ViewAsync(string view) =>
            JsonDocument.Parse(await tg.Auditor().GetStringAsync($"api/v1/audit/movements?status={view}")).RootElement.EnumerateArray()
                .ToDictionary(m => m.GetProperty("movementReference").GetString()!, m => m.GetProperty("status").GetString()!);
        var inTransit = await ViewAsync("InTransit");
        Assert.Equal("Released", inTransit[released]);
        Assert.Equal("InTransit", inTransit[crossed]);
        Assert.DoesNotContain(overdue, inTransit.Keys);
        Assert.Equal("Overdue", (await ViewAsync("Overdue"))[overdue]);
        Assert.DoesNotContain(enquiry, (await ViewAsync("Overdue")).Keys);
        Assert.Equal("UnderEnquiry", (await ViewAsync("UnderEnquiry"))[enquiry]);
        Assert.Equal([released], (await ViewAsync("Released")).Keys.Where(k => k == released || k == crossed));
        // Beside the state, the movement's orchestration: running, waiting for the enquiry's answer or its deadline.
        var listed = JsonDocument.Parse(await tg.Auditor().GetStringAsync("api/v1/audit/movements?status=UnderEnquiry")).RootElement.EnumerateArray()
            .Single(m => m.GetProperty("movementReference").GetString() == enquiry).GetProperty("orchestration");
        Assert.Equal(($"transit-{enquiry}", "Running"), (listed.GetProperty("instanceId").GetString(), listed.GetProperty("runtimeStatus").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await tg.Auditor().GetAsync("api/v1/audit/movements?status=Nonsense")).StatusCode);
        foreach (var path in new[] { "api/v1/audit/movements?status=InTransit", $"api/v1/audit/movements/{released}/integrity" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await tg.Offices().GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await tg.Client(null).GetAsync(path)).StatusCode);
        }
    }

    private static async Task AcceptedAsync(HttpClient client, byte[] xml)
    {
        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(client, xml));
        Assert.True(answer.Status == 200 && answer.Outcome == "accepted", answer.ToString());
    }

    [Fact]
    public async Task A_refused_partner_delivery_is_archived_as_received_and_listed_once_as_an_alert()
    {
        using var bf = new InProcessNode(_network, "BF", stack);
        var unsigned = Samples.Bytes("IE050-AnticipatedTransitRecord");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(unsigned));
        var handler = bf.Services.GetRequiredService<C2C.Core.Exchange.InboundDeliveryHandler>();
        // Delivered twice, as a Functions host retries a failed invocation: one alert, one archived copy.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var delivery = new BusDelivery(new BusMessage("TGLOM-20261125-0050", null, "IE050", C2C.Core.Messages.MessageFamily.Transit, "TG", "BF", unsigned), attempt);
            var outcome = Assert.IsType<DeliveryOutcome.DeadLetterOutcome>(await handler.HandleAsync(delivery, CancellationToken.None));
            Assert.Equal("InvalidSignature", outcome.Reason);
        }

        var alerts = JsonDocument.Parse(await bf.Auditor().GetStringAsync("api/v1/audit/alerts")).RootElement.EnumerateArray()
            .Where(a => a.GetProperty("contentSha256").GetString() == sha).ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal("InvalidSignature", alert.GetProperty("kind").GetString());
        Assert.Equal("TG", alert.GetProperty("sourceCountry").GetString());
        Assert.Equal("TGLOM-20261125-0050", alert.GetProperty("envelopeMessageId").GetString());
        var archived = await bf.Auditor().GetAsync($"api/v1/archive/{alert.GetProperty("archiveName").GetString()}");
        Assert.Equal(unsigned, await archived.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Missing:", archived.Headers.GetValues("X-Signature-Status").Single());
        Assert.Contains("/_refused/", alert.GetProperty("archiveName").GetString());
        Assert.Null(await bf.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None)); // nothing applied
        Assert.Equal(HttpStatusCode.Forbidden, (await bf.Offices().GetAsync("api/v1/audit/alerts")).StatusCode);
    }

    [Fact]
    public async Task Console_page_is_served_with_a_strict_content_security_policy()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var page = await tg.Client(null).GetAsync("console");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("auditor console", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await tg.Client(null).GetAsync("console/console.js")).StatusCode);
        var meta = JsonDocument.Parse(await tg.Client(null).GetStringAsync("console/meta")).RootElement;
        Assert.Equal("TG", meta.GetProperty("country").GetString());
    }
}
