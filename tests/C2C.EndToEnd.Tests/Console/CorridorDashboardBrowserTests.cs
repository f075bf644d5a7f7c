using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using C2C.Adapters.Storage;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace C2C.EndToEnd.Tests.Console;

/// <summary>
/// The corridor dashboard in headless Debian Chromium after real journeys on a TG–BF corridor: its figures match the
/// index's movements (every status, movements opened, the durations measured, the refusal), the charts and the route
/// are drawn (checked on their pixels), tokens do not wrap at 1280 px, the keyboard reaches everything, and every text
/// on the page passes WCAG AA contrast. Screenshots go to TestResults/screenshots (docs/images holds the demo's).
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class CorridorDashboardBrowserTests(LocalStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_after_journeys_shows_the_index_figures_charts_and_a_route()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var (done, crossed, released, overdue) = (Movements.NewMrn(), Movements.NewMrn(), Movements.NewMrn(), Movements.NewMrn());
        foreach (var mrn in new[] { done, crossed, released })
            await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        await tg.AcceptedAsync(Movements.OverdueDeclaration(overdue));
        foreach (var mrn in new[] { done, crossed })
            await Movements.WaitForBothRecordsAsync(bf, mrn);
        await bf.AcceptedAsync(Movements.Sample("IE118-BorderPassageNotification", crossed));
        foreach (var sample in new[] { "IE118-BorderPassageNotification", "IE006-ArrivalAdvice", "IE018-ControlResults" })
            await bf.AcceptedAsync(Movements.Sample(sample, done));
        var again = await tg.PostAsync(C2C.Testing.Samples.ForMovement("IE015-TransitDeclaration", released, "again")); // the same MRN declared twice: NACK 91
        Assert.True(again.Status == 422, again.ToString());
        await tg.WaitForStatusAsync(done, "WrittenOff");
        await tg.WaitForStatusAsync(crossed, "InTransit");
        await tg.WaitForStatusAsync(overdue, "Overdue");

        // The dashboard's figures are the index's: every status count, the movements opened, the durations measured.
        var figures = await MatchingIndexAsync(corridor, "TG");
        Assert.Equal(4, figures.GetProperty("todayFigures").GetProperty("opened").GetInt64());
        Assert.Equal(1, figures.GetProperty("nacksByCode").GetProperty("91").GetInt64());
        Assert.Equal([1, 1], figures.GetProperty("durations").EnumerateArray().Select(d => d.GetProperty("count").GetInt64()));
        var link = figures.GetProperty("links").EnumerateArray().Single();
        Assert.Equal("BF", link.GetProperty("partner").GetString());
        Assert.True(link.GetProperty("in").GetInt64() >= 4 && link.GetProperty("out").GetInt64() >= 7, link.ToString());
        await MatchingIndexAsync(corridor, "BF");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(new Uri(tg.Process.BaseAddress, "dashboard").ToString());
        await Expect(page.Locator("#node-country")).ToHaveTextAsync("TG");
        await Expect(page.Locator("#key-form")).ToBeVisibleAsync(); // 401 without a certificate: the key is asked for
        await page.FillAsync("#api-key", corridor.Network.AuditorKey("TG"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);

        var now = figures.GetProperty("now");
        await Expect(page.Locator("#kpi-in-transit .value")).ToHaveTextAsync(now.GetProperty("inTransit").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#kpi-in-transit .value")).ToHaveTextAsync("2");
        await Expect(page.Locator("#kpi-overdue .value")).ToHaveTextAsync("1");
        await Expect(page.Locator("#kpi-opened-today .value")).ToHaveTextAsync("4");
        await Expect(page.Locator("#kpi-nacks-week .value")).ToHaveTextAsync("1");
        await Expect(page.Locator("#statuses tbody tr", new() { HasText = "WrittenOff" })).ToContainTextAsync("1");
        await Expect(page.Locator("#offices tbody tr", new() { HasText = "TGLOM" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#links tbody tr", new() { HasText = "BF" })).ToHaveCountAsync(1);

        // Charts: today's bars in the primary blue, the refusal in red, each measured duration a bar.
        Assert.True(Count(await ShotOfAsync(page, "#chart-opened svg"), Blue) > 100, "no bar for today's movements");
        Assert.True(Count(await ShotOfAsync(page, "#chart-nacks svg"), Red) > 100, "no bar for the NACK");
        Assert.True(Count(await ShotOfAsync(page, "#chart-release-arrival svg"), Blue) > 50, "no bar for the arrival measured");
        Assert.True(Count(await ShotOfAsync(page, "#chart-arrival-writeoff svg"), Blue) > 50, "no bar for the write-off measured");
        await AssertReadableAsync(page);
        await ShotAsync(page, "dashboard");

        // The route of a movement across the border, opened from the keyboard: departure and border done (green), the
        // destination and the write-off still expected (amber, dashed), the timeline beside it.
        var routeButton = page.Locator("#in-transit tbody tr", new() { HasText = crossed }).Locator("button.route-open");
        await routeButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#route-ref")).ToHaveTextAsync(crossed);
        await Expect(page.Locator("#route circle.stop.done")).ToHaveCountAsync(2);
        await Expect(page.Locator("#route circle.stop.expected")).ToHaveCountAsync(2); // the destination, the write-off
        await Expect(page.Locator("#route circle.stop.skipped")).ToHaveCountAsync(1); // Togo's exit office, which reported nothing
        await Expect(page.Locator("#route-timeline tbody tr")).ToHaveCountAsync((await tg.TimelineAsync(crossed)).Events.Count);
        var midway = await ShotOfAsync(page, "#route svg");
        Assert.True(Count(midway, Green) > 200 && Count(midway, Amber) > 50, $"{Count(midway, Green)} green, {Count(midway, Amber)} amber pixels");
        await AssertReadableAsync(page);
        await ShotAsync(page, "route-in-transit");

        // The movement written off: every declared stop done, nothing amber left.
        await page.FillAsync("#route-mrn", done);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#route-ref")).ToHaveTextAsync(done);
        await Expect(page.Locator("#route circle.stop.expected")).ToHaveCountAsync(0);
        var finished = await ShotOfAsync(page, "#route svg");
        Assert.True(Count(finished, Green) > 400 && Count(finished, Amber) == 0, $"{Count(finished, Green)} green, {Count(finished, Amber)} amber pixels");
        await ShotAsync(page, "route-written-off");

        // The console on the same tab (the key is the tab's): its MRNs and headers no longer break at 1280 px either.
        await page.GotoAsync(new Uri(tg.Process.BaseAddress, "console").ToString());
        await page.FillAsync("#mrn", crossed);
        await page.ClickAsync("#search");
        await Expect(page.Locator("#results tbody tr")).ToHaveCountAsync((await tg.TimelineAsync(crossed)).Events.Count);
        await page.Locator("#results tbody tr").First.Locator("button.timeline").ClickAsync();
        await Expect(page.Locator("#movement-ref")).ToHaveTextAsync(crossed);
        await AssertReadableAsync(page);
        await ShotAsync(page, "console-at-1280");
    }

    /// <summary>
    /// Polls the dashboard API until its status counts and movements opened equal what the node's movement table holds
    /// (a step's figures follow its commit by a few requests), then returns the figures.
    /// </summary>
    private async Task<JsonElement> MatchingIndexAsync(Corridor corridor, string country)
    {
        var node = corridor[country];
        using var client = new HttpClient { BaseAddress = node.Process.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", corridor.Network.AuditorKey(country));
        var clients = new StorageClients(new StorageOptions { ConnectionString = stack.StorageConnectionString, NodeName = $"{country.ToLowerInvariant()}{corridor.Run}" });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var index = new Dictionary<string, long>();
            await foreach (var state in clients.Table(clients.Names.Movements).QueryAsync<TableEntity>("RowKey eq 'state'", select: ["Status"]))
                index[state.GetString("Status")] = index.GetValueOrDefault(state.GetString("Status")) + 1;
            var figures = await client.GetFromJsonAsync<JsonElement>("api/v1/audit/dashboard?days=7");
            var shown = figures.GetProperty("now").GetProperty("byStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
            var opened = figures.GetProperty("offices").EnumerateArray().Sum(o => o.GetProperty("opened").GetInt64());
            if (shown.OrderBy(p => p.Key).SequenceEqual(index.OrderBy(p => p.Key)) && opened == index.Values.Sum())
            {
                output.WriteLine($"{country}: index and dashboard agree: {string.Join(", ", index.Select(p => $"{p.Key} {p.Value}"))}");
                return figures;
            }
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{country}: index {string.Join(", ", index)} / dashboard {string.Join(", ", shown)}, opened {opened}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// At 1280 px: no page-wide horizontal scroll, no MRN, code or time (or any one-word cell) broken over two lines, no header split, and
    /// every text (HTML and SVG) at least 4.5:1 against its background (WCAG AA; 3:1 for large text).
    /// </summary>
    private static async Task AssertReadableAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`page ${document.documentElement.scrollWidth} px wide`);
              // Broken over lines: the text's boxes do not all start on the first line's top.
              const wraps = (e) => {
                const range = document.createRange(); range.selectNodeContents(e);
                const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
                return tops.length > 1 && Math.max(...tops) > Math.min(...tops) + 0.6 * parseFloat(getComputedStyle(e).fontSize);
              };
              for (const e of document.querySelectorAll(".token, th, td")) {
                if (!e.offsetParent || !e.textContent.trim() || e.childElementCount > 0) continue;
                if (e.tagName === "TD" && !e.classList.contains("token") && /\s/.test(e.textContent.trim())) continue; // prose may wrap; a one-word cell may not
                if (wraps(e)) problems.push(`wraps: ${e.textContent.trim()}`);
              }
              const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
              const background = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                const e = t.parentElement;
                if (!t.textContent.trim() || !e || !(e.offsetParent || e instanceof SVGElement) || e.closest("[hidden], title, .skip")) continue;
                const style = getComputedStyle(e);
                const fg = rgb(e instanceof SVGElement ? style.fill : style.color).slice(0, 3);
                const [a, b] = [lum(fg), lum(background(e))];
                const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
                if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)}: ${t.textContent.trim().slice(0, 30)}`);
              }
              return problems;
            }
            """);
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    private static bool Blue((byte R, byte G, byte B) p) => p.B > p.R + 80 && p.B > p.G + 30;

    private static bool Red((byte R, byte G, byte B) p) => p.R > p.G + 80 && p.R > p.B + 80;

    private static bool Green((byte R, byte G, byte B) p) => p.G > p.R + 50 && p.G > p.B + 30;

    private static bool Amber((byte R, byte G, byte B) p) => p.R > p.B + 80 && p.G > p.B + 30 && p.R > p.G + 20;

    private static int Count(Png png, Func<(byte R, byte G, byte B), bool> colour) => png.Pixels().Count(colour);

    private static async Task<Png> ShotOfAsync(IPage page, string selector) =>
        Png.Decode(await page.Locator(selector).ScreenshotAsync(new() { Type = ScreenshotType.Png }));

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task ShotAsync(IPage page, string step)
    {
        var path = Path.Combine(Chromium.ScreenshotDirectory, $"corridor-dashboard-{step}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
