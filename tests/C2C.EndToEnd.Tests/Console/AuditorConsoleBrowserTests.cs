using C2C.Adapters.RabbitMq;
using C2C.Adapters.Storage;
using C2C.Core.Messages;
using C2C.Core.Ports;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace C2C.EndToEnd.Tests.Console;

/// <summary>
/// The auditor console in headless Debian Chromium against a real node process: search, timeline, original XML,
/// byte-for-byte download, integrity PASS and FAIL after tampering, the ops view, refused-delivery alerts, and the role check. Screenshots
/// of each step go to TestResults/screenshots.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class AuditorConsoleBrowserTests(LocalStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task Auditor_finds_opens_downloads_and_verifies_a_movement_and_sees_tampering()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var mrn = Movements.NewMrn();
        await corridor["TG"].AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        var bf = corridor["BF"];
        await bf.WaitForStatusAsync(mrn, "ExpectedAtBorder");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(new Uri(bf.Process.BaseAddress, "console").ToString());
        await Expect(page.Locator("#node-country")).ToHaveTextAsync("BF");

        // Sign in with the auditor key and search by MRN: the two anticipated records Togo sent.
        await page.FillAsync("#api-key", corridor.Network.AuditorKey("BF"));
        await page.ClickAsync("#save-key");
        await page.FillAsync("#mrn", mrn);
        await page.ClickAsync("#search");
        await Expect(page.Locator("#results tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#results tbody")).ToContainTextAsync("Valid: signed by partner 'TG'");
        var screenshots = new List<string> { await ShotAsync(page, "1-search") };

        // The movement's timeline, then one original as archived.
        await page.Locator("#results tbody tr").First.Locator("button.timeline").ClickAsync();
        await Expect(page.Locator("#movement-ref")).ToHaveTextAsync(mrn);
        await Expect(page.Locator("#timeline tbody tr")).ToHaveCountAsync(2);
        await page.Locator("#timeline tbody tr").First.Locator("button.view").ClickAsync();
        await Expect(page.Locator("#xml-view")).ToContainTextAsync(mrn);
        screenshots.Add(await ShotAsync(page, "2-timeline-and-xml"));

        // Download: the very bytes of the archive.
        var name = (await bf.TimelineAsync(mrn)).Events[0].ArchiveName;
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#timeline tbody tr").First.Locator("button.download").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"c2c-download-{corridor.Run}.xml");
        await download.SaveAsAsync(saved);
        Assert.Equal(await bf.ArchivedAsync(name), await File.ReadAllBytesAsync(saved));
        File.Delete(saved);

        // Integrity: PASS, then FAIL once the archived original has been changed behind the node's back.
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#integrity-verdict")).ToHaveTextAsync("PASS");
        await Expect(page.Locator("#integrity li .fail")).ToHaveCountAsync(0);
        screenshots.Add(await ShotAsync(page, "3-integrity-pass"));
        var clients = new StorageClients(new StorageOptions { ConnectionString = stack.StorageConnectionString, NodeName = $"bf{corridor.Run}" });
        var blob = clients.Archive.GetBlobClient(name);
        var original = (await blob.DownloadContentAsync()).Value.Content.ToString();
        await blob.UploadAsync(BinaryData.FromString(original.Replace("<AmountToBeCovered>", "<AmountToBeCovered>1")), overwrite: true);
        await page.ClickAsync("#verify");
        await Expect(page.Locator("#integrity-verdict")).ToHaveTextAsync("FAIL");
        await Expect(page.Locator("#integrity")).ToContainTextAsync("the blob was changed");
        screenshots.Add(await ShotAsync(page, "4-integrity-fail"));

        // Operations view: the movement is expected at the border.
        await page.SelectOptionAsync("#ops-status", "ExpectedAtBorder");
        await page.ClickAsync("#ops-load");
        await Expect(page.Locator("#ops-results")).ToContainTextAsync(mrn);
        screenshots.Add(await ShotAsync(page, "5-ops"));

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
        screenshots.Add(await ShotAsync(page, "6-alerts"));

        // A partner's key opens nothing: the API answers 403 and the page says so.
        await page.FillAsync("#api-key", corridor.Network.OfficesKey("BF"));
        await page.ClickAsync("#save-key");
        await page.ClickAsync("#search");
        await Expect(page.Locator("#error")).ToContainTextAsync("403");
        screenshots.Add(await ShotAsync(page, "7-partner-refused"));

        Assert.All(screenshots, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is empty"));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<string> ShotAsync(IPage page, string step)
    {
        var path = Path.Combine(Chromium.ScreenshotDirectory, $"auditor-console-{step}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        return path;
    }
}
