using Microsoft.Playwright;

namespace C2C.EndToEnd.Tests.Console;

/// <summary>
/// The operations page in headless Chromium against real node processes: Burkina Faso dead-letters Togo's records (an
/// outdated certificate registered); once the current one is registered and the node restarted, the operator signs in
/// with the operator key, lists the dead letters with their reason, inspects one, replays them, and sees the journal.
/// The auditor's key is refused there (Operator role only).
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class OperationsPageBrowserTests(LocalStack stack)
{
    [Fact]
    public async Task An_operator_lists_inspects_and_replays_dead_letters_and_sees_the_journal()
    {
        var outdated = Path.Combine(Path.GetTempPath(), $"c2c-outdated-{Guid.NewGuid():N}.crt.pem");
        using (var old = TestCertificates.Ecdsa("TG customs administration (outdated key)"))
            await File.WriteAllTextAsync(outdated, old.ExportCertificatePem());
        try
        {
            await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"],
                nodeOverrides: new Dictionary<string, Dictionary<string, string>> { ["BF"] = new() { ["C2C:Partners:TG:SigningCertificates:0:PemPath"] = outdated } });
            var (tg, bf) = (corridor["TG"], corridor["BF"]);
            var mrn = Movements.NewMrn();
            await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
            await UntilTwoDeadLettersAsync(bf, "Togo's two records were not dead-lettered at Burkina Faso");
            bf.Process.Kill();
            bf.Process.SetEnvironment("C2C__Partners__TG__SigningCertificates__1__PemPath", corridor.Network.SigningCertificatePath("TG"));
            await corridor.RestartAsync("BF");
            // The killed node's unacknowledged reads go back to the dead-letter queue when the broker sees its connection gone.
            await UntilTwoDeadLettersAsync(bf, "Burkina Faso's dead letters did not list again after its restart");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
            page.SetDefaultTimeout(15_000);
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.GotoAsync(new Uri(bf.Process.BaseAddress, "console/operations").ToString());
            await Assertions.Expect(page.Locator("#node-country")).ToHaveTextAsync("BF");

            // The auditor may audit, not operate: 403.
            await page.ClickAsync("#list");
            await Assertions.Expect(page.Locator("#key-form")).ToBeVisibleAsync();
            await page.FillAsync("#api-key", corridor.Network.AuditorKey("BF"));
            await page.ClickAsync("#save-key");
            await page.ClickAsync("#list");
            await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("403 Operator role required");

            // The operator: the two records with their reason, one inspected, both replayed.
            await page.FillAsync("#api-key", corridor.Network.OperatorKey("BF"));
            await page.ClickAsync("#save-key");
            await page.ClickAsync("#list");
            await Assertions.Expect(page.Locator("#dead-letters tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#dead-letters tbody")).ToContainTextAsync("InvalidSignature");
            await page.Locator("#dead-letters tbody tr").First.Locator("button").ClickAsync();
            await Assertions.Expect(page.Locator("#xml-content")).ToContainTextAsync(mrn);
            await Assertions.Expect(page.Locator("#xml-title")).ToContainTextAsync("InvalidSignature (archived as ");
            foreach (var box in await page.Locator("#dead-letters tbody input[type=checkbox]").AllAsync())
                await box.CheckAsync();
            await page.ClickAsync("#replay");
            await Assertions.Expect(page.Locator("#results tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#results tbody tr").Filter(new() { HasText = "applied" })).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#dead-letters tbody tr")).ToHaveCountAsync(0);
            await Movements.WaitForBothRecordsAsync(bf, mrn);

            await page.ClickAsync("#journal-load");
            await Assertions.Expect(page.Locator("#journal tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#journal tbody")).ToContainTextAsync("BF-OPS");
        }
        finally
        {
            File.Delete(outdated);
        }
    }

    private static async Task UntilTwoDeadLettersAsync(CountryNode node, string failure)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); (await node.DeadLettersAsync()).Count < 2; await Task.Delay(300))
            Assert.True(DateTime.UtcNow < deadline, failure);
    }
}
