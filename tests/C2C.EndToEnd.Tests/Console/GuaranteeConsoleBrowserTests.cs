using Microsoft.Playwright;
using static C2C.EndToEnd.Tests.Console.AuditorConsoleBrowserTests;

namespace C2C.EndToEnd.Tests.Console;

/// <summary>
/// The console's corridor views in headless Chromium against node processes: the border office scans the TAD's barcode
/// (a scanner types the MRN, here with the AIM prefix some scanners add, and Enter) and gets the movement and its TAD;
/// at departure the guarantee view shows the balance and the movement using it.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class GuaranteeConsoleBrowserTests(LocalStack stack)
{
    [Fact]
    public async Task A_scanned_mrn_opens_the_movement_and_its_tad_and_the_guarantee_view_lists_it()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (mrn, bf) = await ReleasedToBurkinaFasoAsync(corridor);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);

        // At the border (Burkina Faso's node): the scanner's keystrokes, then Enter.
        var border = await OpenConsoleAsync(browser, bf.Process.BaseAddress, "BF");
        await border.ClickAsync("#ops-load"); // 401: the key is asked for
        await border.FillAsync("#api-key", corridor.Network.AuditorKey("BF"));
        await border.ClickAsync("#save-key");
        await border.Locator("#scan-mrn").PressSequentiallyAsync($"]C0{mrn}");
        await border.Locator("#scan-mrn").PressAsync("Enter");
        await Assertions.Expect(border.Locator("#movement-ref")).ToHaveTextAsync(mrn);
        await Assertions.Expect(border.Locator("#timeline tbody tr")).ToHaveCountAsync(2);
        var download = await border.RunAndWaitForDownloadAsync(() => border.ClickAsync("#tad-open"));
        Assert.Equal($"TAD-{mrn}.pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        await border.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "corridor-1-scanned-mrn.png"), FullPage = true });

        // At departure (Togo's node): the sample's guarantee, with the movement reserved against it.
        var departure = await OpenConsoleAsync(browser, corridor["TG"].Process.BaseAddress, "TG");
        await departure.ClickAsync("#ops-load");
        await departure.FillAsync("#api-key", corridor.Network.AuditorKey("TG"));
        await departure.ClickAsync("#save-key");
        await departure.FillAsync("#grn", SampleGuarantee.Grn);
        await departure.ClickAsync("#guarantee-load");
        await Assertions.Expect(departure.Locator("#guarantee-summary")).ToContainTextAsync("Comprehensive");
        await Assertions.Expect(departure.Locator("#guarantee-movements tbody tr", new() { HasText = mrn })).ToContainTextAsync("Reserved");
        await departure.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotDirectory, "corridor-2-guarantee.png"), FullPage = true });
    }
}
