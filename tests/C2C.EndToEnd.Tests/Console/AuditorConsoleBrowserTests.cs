using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using C2C.Adapters.RabbitMq;
using C2C.Adapters.Security.XmlDsig;
using C2C.Adapters.Storage;
using C2C.Core.Messages;
using C2C.Core.Ports;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace C2C.EndToEnd.Tests.Console;

/// <summary>
/// The auditor console in headless Debian Chromium against real node processes: search, timeline, original XML,
/// byte-for-byte download, integrity PASS and FAIL after tampering, the ops view (in transit, overdue, under
/// enquiry), refused-delivery alerts, the role check, and signing in with a client certificate instead of a key.
/// What a step renders is checked on its screenshot (decoded PNG): the verdict's colour, the timeline's growth.
/// Full-page screenshots of each step also go to TestResults/screenshots.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class AuditorConsoleBrowserTests(LocalStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task Auditor_finds_opens_downloads_and_verifies_a_movement_and_sees_tampering()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (mrn, bf) = await ReleasedToBurkinaFasoAsync(corridor);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenConsoleAsync(browser, bf.Process.BaseAddress, "BF");

        // No key yet: the API answers 401 and only then does the page ask for one.
        await Expect(page.Locator("#key-form")).ToBeHiddenAsync();
        await page.FillAsync("#mrn", mrn);
        await page.ClickAsync("#search");
        await Expect(page.Locator("#error")).ToContainTextAsync("401");
        await Expect(page.Locator("#key-form")).ToBeVisibleAsync();
        await ShotAsync(page, "0-key-asked-on-401");

        // Sign in with the auditor key and search by MRN: the two anticipated records Togo sent.
        await page.FillAsync("#api-key", corridor.Network.AuditorKey("BF"));
        await page.ClickAsync("#save-key");
        await page.ClickAsync("#search");
        await Expect(page.Locator("#results tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#results tbody")).ToContainTextAsync("Valid: signed by partner 'TG'");
        await ShotAsync(page, "1-search");

        // The movement's timeline, then one original as archived.
        await page.Locator("#results tbody tr").First.Locator("button.timeline").ClickAsync();
        await Expect(page.Locator("#movement-ref")).ToHaveTextAsync(mrn);
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(2);
        var timelineBefore = await ElementShotAsync(page, "#timeline");
        await page.Locator("#timeline tbody tr").First.Locator("button.view").ClickAsync();
        await Expect(page.Locator("#xml-view")).ToContainTextAsync(mrn);
        await ShotAsync(page, "2-timeline-and-xml");

        // Download: the very bytes of the archive.
        var name = (await bf.TimelineAsync(mrn)).Events[0].ArchiveName;
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#timeline tbody tr").First.Locator("button.download").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"c2c-download-{corridor.Run}.xml");
        await download.SaveAsAsync(saved);
        Assert.Equal(await bf.ArchivedAsync(name), await File.ReadAllBytesAsync(saved));
        File.Delete(saved);

        // The border office reports the truck: opened again, the timeline has grown by its report and the copy forwarded to Togo.
        await bf.AcceptedAsync(Movements.Sample("IE118-BorderPassageNotification", mrn));
        await bf.WaitForTimelineAsync(mrn, events => events.Count == 4); // the copy to Togo is published after the acknowledgement
        await page.Locator("#results tbody tr").First.Locator("button.timeline").ClickAsync();
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(4);
        var timelineAfter = await ElementShotAsync(page, "#timeline");
        Assert.True(timelineAfter.Height > timelineBefore.Height, $"timeline {timelineBefore.Height} px high before the new event, {timelineAfter.Height} px after");

        // Integrity: PASS (rendered green), then FAIL (red) once the archived original has been changed behind the node's back.
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#integrity-verdict")).ToHaveTextAsync("PASS");
        await Expect(page.Locator("#integrity li .fail")).ToHaveCountAsync(0);
        AssertRenderedIn(await ElementShotAsync(page, "#integrity-verdict"), green: true);
        await ShotAsync(page, "3-integrity-pass");
        var clients = new StorageClients(new StorageOptions { ConnectionString = stack.StorageConnectionString, NodeName = $"bf{corridor.Run}" });
        var blob = clients.Archive.GetBlobClient(name);
        var original = (await blob.DownloadContentAsync()).Value.Content.ToString();
        await blob.UploadAsync(BinaryData.FromString(original.Replace("<AmountToBeCovered>", "<AmountToBeCovered>1")), overwrite: true);
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#integrity-verdict")).ToHaveTextAsync("FAIL");
        await Expect(page.Locator("#integrity")).ToContainTextAsync("the blob was changed");
        AssertRenderedIn(await ElementShotAsync(page, "#integrity-verdict"), green: false);
        await ShotAsync(page, "4-integrity-fail");

        // Operations view: after the border passage the movement is expected at the destination.
        await page.SelectOptionAsync("#ops-status", "ExpectedAtDestination");
        await page.ClickAsync("#ops-load");
        await Expect(page.Locator("#ops-results")).ToContainTextAsync(mrn);
        await ShotAsync(page, "5-ops");

        // Alerts: an unsigned record slipped onto BF's topic is refused, archived as received, and listed.
        await using (var publisher = new RabbitMqPublisher(new RabbitMqConnections(new RabbitMqOptions { Uri = corridor.Broker.Uri })))
            await publisher.PublishAsync(new BusMessage($"forged-{mrn}", null, "IE050", MessageFamily.Transit, "TG", "BF",
                Movements.Sample("IE050-AnticipatedTransitRecord", Movements.NewMrn())), CancellationToken.None);
        // The consumer takes a moment: list again until it shows (bounded).
        for (var attempt = 0; attempt < 40 && !(await page.Locator("#alerts tbody").InnerTextAsync()).Contains($"forged-{mrn}", StringComparison.Ordinal); attempt++)
        {
            await page.ClickAsync("#alerts-load");
            await Task.Delay(250);
        }
        await Expect(page.Locator("#alerts tbody")).ToContainTextAsync($"forged-{mrn}");
        await Expect(page.Locator("#alerts tbody")).ToContainTextAsync("InvalidSignature");
        await page.Locator("#alerts tbody tr", new() { HasText = $"forged-{mrn}" }).Locator("button.view").ClickAsync();
        await Expect(page.Locator("#xml-signature")).ToContainTextAsync("Missing: message carries no ds:Signature");
        await ShotAsync(page, "6-alerts");

        // A partner's key opens nothing: the API answers 403 and the page says so.
        await page.FillAsync("#api-key", corridor.Network.OfficesKey("BF"));
        await page.ClickAsync("#save-key");
        await page.ClickAsync("#search");
        await Expect(page.Locator("#error")).ToContainTextAsync("403");
        await ShotAsync(page, "7-partner-refused");
    }

    [Fact]
    public async Task Operations_view_shows_movements_in_transit_overdue_and_under_enquiry()
    {
        // Control results are due at arrival here, so an arrival without them goes straight to enquiry; with Burkina
        // Faso's node stopped, nobody answers the enquiry and the movement stays under enquiry.
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], new() { ["C2C:Corridor:ControlResultsWithinDays"] = "0" });
        corridor["BF"].Process.Kill();
        var tg = corridor["TG"];
        var (released, crossed, overdue, enquiry) = (Movements.NewMrn(), Movements.NewMrn(), Movements.NewMrn(), Movements.NewMrn());
        foreach (var mrn in new[] { released, crossed, enquiry })
            await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        await tg.AcceptedAsync(Movements.OverdueDeclaration(overdue));
        await PostAsAsync(corridor, "BF", "TG", Movements.Sample("IE118-BorderPassageNotification", crossed));
        var arrival = System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(Movements.Sample("IE006-ArrivalAdvice", enquiry)),
            "<ArrivalDateTime>[^<]*</ArrivalDateTime>", $"<ArrivalDateTime>{DateTime.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ss}Z</ArrivalDateTime>");
        await PostAsAsync(corridor, "BF", "TG", System.Text.Encoding.UTF8.GetBytes(arrival));
        await tg.WaitForStatusAsync(enquiry, "UnderEnquiry");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenConsoleAsync(browser, tg.Process.BaseAddress, "TG");
        await page.ClickAsync("#ops-load"); // 401: the key is asked for
        await page.FillAsync("#api-key", corridor.Network.AuditorKey("TG"));
        await page.ClickAsync("#save-key");
        foreach (var (view, listed, absent) in new[]
                 {
                     ("InTransit", new[] { (released, "Released"), (crossed, "InTransit") }, new[] { overdue, enquiry }),
                     ("Overdue", [(overdue, "Overdue")], [released, crossed, enquiry]),
                     ("UnderEnquiry", [(enquiry, "UnderEnquiry")], [released, crossed, overdue]),
                 })
        {
            await page.SelectOptionAsync("#ops-status", view);
            await page.ClickAsync("#ops-load");
            foreach (var (mrn, status) in listed)
                await Expect(page.Locator("#ops-results tbody tr", new() { HasText = mrn })).ToContainTextAsync(status);
            foreach (var mrn in absent)
                await Expect(page.Locator("#ops-results tbody tr", new() { HasText = mrn })).ToHaveCountAsync(0);
            await ShotAsync(page, $"8-ops-{view}");
        }
    }

    [Fact]
    public async Task Auditor_with_a_client_certificate_uses_the_console_without_any_key()
    {
        using var network = new TestNetwork("TG", "BF");
        using var server = TestCertificates.Rsa("localhost");
        using var auditor = TestCertificates.Ecdsa("Togo customs auditor (client)");
        var settings = network.Settings("TG", stack.StorageConnectionString, "cons" + Guid.NewGuid().ToString("N")[..10]);
        settings["C2C:Partners:TG-AUDIT:ClientCertificateThumbprints:0"] = TestCertificates.Sha256Thumbprint(auditor);
        var (process, tls) = await MutualTlsNode.StartAsync(network, "TG", settings, server, "console-tls");
        using var _ = process;
        using var tg = new CountryNode(process, network);
        var mrn = Movements.NewMrn();
        await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        await tg.WaitForTimelineAsync(mrn, events => events.Count == 3); // the records it causes are published after the acknowledgement

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var origin = tls.ToString().TrimEnd('/');
        var context = await browser.NewContextAsync(new()
        {
            IgnoreHTTPSErrors = true, // the test's self-signed server certificate
            ClientCertificates = [new ClientCertificate { Origin = origin, Cert = Pem(auditor.ExportCertificatePem()), Key = Pem(auditor.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()) }],
            ViewportSize = new() { Width = 1400, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync($"{origin}/console");
        await Expect(page.Locator("#node-country")).ToHaveTextAsync("TG");

        await page.FillAsync("#mrn", mrn);
        await page.ClickAsync("#search");
        await Expect(page.Locator("#results tbody tr")).ToHaveCountAsync(3); // the declaration and the two records it caused
        await Expect(page.Locator("#key-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#error")).ToBeHiddenAsync();
        await ShotAsync(page, "9-client-certificate");
    }

    /// <summary>
    /// A declaration released at Lomé, with both anticipated records in Burkina Faso's index: Togo's orchestration
    /// publishes them one after the other, and a view searched once must find both.
    /// </summary>
    internal static async Task<(string Mrn, CountryNode Bf)> ReleasedToBurkinaFasoAsync(Corridor corridor)
    {
        var mrn = Movements.NewMrn();
        await corridor["TG"].AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        var bf = corridor["BF"];
        await bf.WaitForTimelineAsync(mrn, events => events.Count == 2);
        return (mrn, bf);
    }

    internal static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = ["--no-sandbox"] });

    internal static async Task<IPage> OpenConsoleAsync(IBrowser browser, Uri node, string country)
    {
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(new Uri(node, "console").ToString());
        await Expect(page.Locator("#node-country")).ToHaveTextAsync(country);
        return page;
    }

    /// <summary>Posts <paramref name="xml"/> to <paramref name="to"/>'s node as <paramref name="from"/>'s administration would: signed, with its key.</summary>
    private static async Task PostAsAsync(Corridor corridor, string from, string to, byte[] xml)
    {
        using var client = new HttpClient { BaseAddress = corridor[to].Process.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", corridor.Network.AdministrationKey(from));
        var signer = new XmlMessageSigner(SigningCredential.FromCertificate(X509CertificateLoader.LoadPkcs12(corridor.Network.SigningCertificate(from).Export(X509ContentType.Pkcs12), null)));
        var content = new ByteArrayContent(signer.Sign(xml));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        var answer = await Answer.ReadAsync(await client.PostAsync("api/v1/messages", content));
        Assert.True(answer.Status == 200, answer.ToString());
    }

    /// <summary>
    /// The verdict is drawn in the .pass (#16713b) or .fail (#b3261e) colour: its screenshot must hold clearly green
    /// pixels and no clearly red ones, or the reverse. Anti-aliased glyph edges of whatever font fall in between.
    /// </summary>
    private static void AssertRenderedIn(Png verdict, bool green)
    {
        var greens = verdict.Pixels().Count(p => p.G > p.R + 40 && p.G > p.B + 20);
        var reds = verdict.Pixels().Count(p => p.R > p.G + 60 && p.R > p.B + 60);
        var (expected, other) = green ? (greens, reds) : (reds, greens);
        Assert.True(expected >= 20 && other == 0, $"{verdict.Width}x{verdict.Height} px: {greens} green, {reds} red pixels; expected {(green ? "green" : "red")}");
    }

    private static byte[] Pem(string text) => System.Text.Encoding.ASCII.GetBytes(text);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task<Png> ElementShotAsync(IPage page, string selector) =>
        Png.Decode(await page.Locator(selector).ScreenshotAsync(new() { Type = ScreenshotType.Png }));

    private async Task ShotAsync(IPage page, string step)
    {
        var path = Path.Combine(Chromium.ScreenshotDirectory, $"auditor-console-{step}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
