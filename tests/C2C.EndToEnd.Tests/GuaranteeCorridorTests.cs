using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using C2C.Adapters.Security.XmlDsig;

namespace C2C.EndToEnd.Tests;

/// <summary>
/// The corridor's single guarantee with two real nodes over RabbitMQ: Togo reserves the amount at risk at release and
/// gives it back at write-off; a second declaration beyond the balance is refused; Burkina Faso, which expects the
/// movement, reads the GRN from its anticipated record and queries Togo, which answers with a signed IE037.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class GuaranteeCorridorTests(LocalStack stack)
{
    private static readonly XNamespace Ns = "urn:c2c:transit:v1";

    [Fact]
    public async Task Reserved_at_release_refused_beyond_the_balance_queried_by_burkina_faso_and_returned_at_write_off()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var grn = SampleGuarantee.NewGrn();
        Assert.Equal(HttpStatusCode.OK, (await tg.Offices.PutAsJsonAsync($"api/v1/guarantees/{grn}", SampleGuarantee.Registration(20_000_000m))).StatusCode);

        var mrn = Movements.NewMrn();
        Assert.Equal("Released", (await tg.AcceptedAsync(SampleGuarantee.Declaration(mrn, grn))).Value("MovementStatus"));
        Assert.Equal(1_500_000m, await BalanceAsync(tg, grn));

        // A second declaration on the same guarantee: 18.5 M at risk, 1.5 M left.
        var refused = await tg.PostAsync(SampleGuarantee.Declaration(Movements.NewMrn(), grn));
        Assert.Equal(422, refused.Status);
        Assert.StartsWith("InsufficientBalance", refused.Xml.Descendants(Ns + "ErrorReason").Single().Value, StringComparison.Ordinal);

        // Burkina Faso expects the movement: its record names the guarantee, and Togo answers the query, signed.
        await Movements.WaitForBothRecordsAsync(bf, mrn);
        using var bfAuditor = new HttpClient { BaseAddress = bf.Process.BaseAddress };
        bfAuditor.DefaultRequestHeaders.Add("X-Api-Key", corridor.Network.AuditorKey("BF"));
        var expected = JsonDocument.Parse(await bfAuditor.GetStringAsync($"api/v1/movements/{mrn}")).RootElement;
        Assert.Equal(grn, expected.GetProperty("state").GetProperty("Facts").GetProperty("Guarantee").GetProperty("Grn").GetString());
        var answer = await QueryAsync(corridor, tg, grn, mrn);
        Assert.Equal(("true", "Reserved", "18500000.00"), (Value(answer, "Covered"), Value(answer, "ReservationStatus"), Value(answer, "AmountReserved")));

        foreach (var (sample, tgStatus) in new[] { ("IE118-BorderPassageNotification", "InTransit"), ("IE006-ArrivalAdvice", "Arrived"), ("IE018-ControlResults", "WrittenOff") })
        {
            await bf.AcceptedAsync(Movements.Sample(sample, mrn));
            await tg.WaitForStatusAsync(mrn, tgStatus);
        }
        await bf.WaitForStatusAsync(mrn, "WrittenOff");

        Assert.Equal(20_000_000m, await BalanceAsync(tg, grn));
        var after = await QueryAsync(corridor, tg, grn, mrn);
        Assert.Equal(("false", "Returned", "20000000.00"), (Value(after, "Covered"), Value(after, "ReservationStatus"), Value(after, "Balance")));
        using var tgAuditor = new HttpClient { BaseAddress = tg.Process.BaseAddress };
        tgAuditor.DefaultRequestHeaders.Add("X-Api-Key", corridor.Network.AuditorKey("TG"));
        var history = await tgAuditor.GetStringAsync($"api/v1/movements/{mrn}/history");
        Assert.Contains($"guarantee {grn}: 18500000.00 XOF reserved", history, StringComparison.Ordinal);
        Assert.Contains($"guarantee {grn}: amount returned", history, StringComparison.Ordinal);
    }

    private static async Task<decimal> BalanceAsync(CountryNode node, string grn) =>
        JsonDocument.Parse(await node.Offices.GetStringAsync($"api/v1/guarantees/{grn}")).RootElement.GetProperty("balance").GetDecimal();

    /// <summary>Burkina Faso's administration asks Togo's node; the answer must carry Togo's valid signature.</summary>
    private static async Task<XDocument> QueryAsync(Corridor corridor, CountryNode departure, string grn, string mrn)
    {
        using var bf = departure.As("BF");
        var signed = await bf.GetByteArrayAsync($"api/v1/guarantees/{grn}/query?mrn={mrn}");
        var verdict = new XmlSignatureVerifier(TimeProvider.System).Verify(signed, new SigningTrust("TG", [], [corridor.Network.SigningCertificate("TG")]));
        Assert.True(verdict.IsValid, verdict.Reason);
        return XDocument.Parse(Encoding.UTF8.GetString(signed));
    }

    private static string Value(XDocument doc, string name) => doc.Descendants(Ns + name).Single().Value;
}
