using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace C2C.EndToEnd.Tests;

/// <summary>
/// Amendments before release with two real nodes over RabbitMQ: Togo accepts a declaration without releasing it, refuses
/// an amendment of its holder (19, with the XPath), accepts one of its goods and seals (IE004, version 2), releases it
/// (IE029), and both Burkina Faso's border office and its destination office hold version 2; an amendment after
/// release gets 92.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class AmendmentCorridorTests(LocalStack stack)
{
    private static readonly XNamespace Ns = "urn:c2c:transit:v1";

    [Fact]
    public async Task An_amendment_before_release_reaches_the_border_and_the_destination_as_the_latest_version()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrn = Movements.NewMrn();

        Assert.Equal("Accepted", (await tg.AcceptedAsync(Samples.LodgedDeclaration(mrn))).Value("MovementStatus"));

        // The holder may not change: 19, pointing at the holder's identification number; nothing changes.
        var otherHolder = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Amendment(mrn, "H")).Replace("TG1000234567", "TG1000234999", StringComparison.Ordinal));
        var refused = await tg.PostAsync(otherHolder);
        Assert.Equal((422, "19"), (refused.Status, refused.ErrorCodes.Single()));
        Assert.Equal("/DeclarationAmendment/Declaration/HolderOfTheTransitProcedure/IdentificationNumber", refused.Value("ErrorPointer"));

        // Goods and seals may: IE004 with version 2.
        var accepted = await tg.AcceptedAsync(Amendment(mrn, "G"));
        Assert.Equal(("AmendmentAcceptance", "IE004", "2"), (accepted.Root, accepted.Value("MessageType"), accepted.Value("DeclarationVersion")));
        Assert.Empty((await bf.TimelineAsync(mrn)).Events); // nothing crosses the border before release

        Assert.Equal("Released", (await tg.AcceptedAsync(Movements.Sample("IE029-ReleaseForTransit", mrn))).Value("MovementStatus"));
        await Movements.WaitForBothRecordsAsync(bf, mrn);

        using var bfAuditor = new HttpClient { BaseAddress = bf.Process.BaseAddress };
        bfAuditor.DefaultRequestHeaders.Add("X-Api-Key", corridor.Network.AuditorKey("BF"));
        var state = JsonDocument.Parse(await bfAuditor.GetStringAsync($"api/v1/movements/{mrn}")).RootElement.GetProperty("state");
        Assert.Equal(2, state.GetProperty("Facts").GetProperty("Version").GetInt32());
        var records = (await bf.TimelineAsync(mrn)).Events.Where(e => e.MessageType is "IE050" or "IE001").ToList();
        Assert.Equal(["BFCIN001", "BFOUA001"], records.Select(e => e.RecipientOffice).Order());
        foreach (var record in records)
        {
            var xml = XDocument.Parse(await bfAuditor.GetStringAsync($"api/v1/archive/{record.ArchiveName}"));
            Assert.Equal("2", xml.Descendants(Ns + "DeclarationVersion").Single().Value);
            Assert.Contains("TGD0045873", xml.Descendants(Ns + "SealIdentifier").Select(s => s.Value));
            Assert.Equal("420", xml.Descendants(Ns + "NumberOfPackages").First().Value);
            Assert.Single(xml.Descendants(Ns + "ReleaseDateTime"));
        }

        // Released: the declaration can no longer change.
        var late = await tg.PostAsync(Amendment(mrn, "L"));
        Assert.Equal((422, "92"), (late.Status, late.ErrorCodes.Single()));
    }

    /// <summary>The sample amendment (more rice, a third seal) for <paramref name="mrn"/>, with a message id of its own per <paramref name="tag"/>.</summary>
    private static byte[] Amendment(string mrn, string tag) => Samples.ForMovement("IE013-DeclarationAmendment", mrn, mrn[4..] + tag);
}
