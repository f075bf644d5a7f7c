using System.Text;
using System.Text.RegularExpressions;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Security;

/// <summary>
/// Families of malformed or overreaching input, posted over HTTP (and delivered over the broker where a partner's
/// signature is involved): every one is refused with a NACK and a 4xx, never a 5xx, and nothing of it is stored as
/// valid (no movement, no change of one). Togo (departure), Burkina Faso and the Maldives are registered with each
/// other; Niger and India are not.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class RefusalFamilyTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF", "MV");

    public void Dispose() => _network.Dispose();

    private static async Task<Answer> Post(HttpClient client, byte[] xml) => await Answer.ReadAsync(await InProcessNode.PostAsync(client, xml));

    private static void AssertRefused(Answer answer, string because, params int[] statuses)
    {
        Assert.True(answer.Status is >= 400 and < 500, $"{because}: {answer}");
        Assert.True(statuses.Length == 0 || statuses.Contains(answer.Status), $"{because}: {answer}");
        Assert.Contains(answer.Root, new[] { "FunctionalNack", "XmlNack" });
    }

    private static string Sample(string name, string mrn) => Encoding.UTF8.GetString(Samples.ForMovement(name, mrn));

    /// <summary>A sample with the text of one element replaced (the first with that name).</summary>
    private static byte[] With(string xml, string element, string value) =>
        Encoding.UTF8.GetBytes(new Regex($"<{element}>[^<]*</{element}>").Replace(xml, $"<{element}>{value}</{element}>", 1));

    private static readonly string[] ForeignToBurkina = ["TGLOM001", "TGCIN001", "MVMLE001", "NENIA001", "INTUT001", "XXABC001"];

    public static TheoryData<string, string> AssertedOfficeFields => new()
    {
        { "IE006-ArrivalAdvice", "CustomsOfficeOfDestinationActual" },
        { "IE018-ControlResults", "CustomsOfficeOfDestinationActual" },
        { "IE118-BorderPassageNotification", "CustomsOfficeOfTransitActual" },
        { "IE002-ArrivalRecordRequest", "RequestingOffice" },
        { "IE114-TransitRecordRequest", "RequestingOffice" },
        { "IE180-IncidentNotification", "EndorsingOffice" },
    };

    [Theory]
    [InlineData("IE006-ArrivalAdvice")]
    [InlineData("IE118-BorderPassageNotification")]
    [InlineData("IE018-ControlResults")]
    public async Task A_sender_office_of_any_other_administration_is_refused_and_nothing_is_stored(string sample)
    {
        using var bf = new InProcessNode(_network, "BF", stack);
        var index = bf.Services.GetRequiredService<IMovementIndex>();
        foreach (var office in ForeignToBurkina)
        {
            var mrn = Samples.NewMrn();
            // 403 (94): not an office of the caller's; 422 (19) where the foreign sender is also the recipient.
            AssertRefused(await Post(bf.Offices(), With(Sample(sample, mrn), "MessageSender", office)), $"{sample} MessageSender={office}", 403, 422);
            Assert.Null(await index.GetAsync(mrn, CancellationToken.None));
        }
    }

    [Theory]
    [MemberData(nameof(AssertedOfficeFields))]
    public async Task An_office_of_any_other_administration_in_an_office_field_is_refused_94_and_nothing_is_stored(string sample, string field)
    {
        using var bf = new InProcessNode(_network, "BF", stack);
        var index = bf.Services.GetRequiredService<IMovementIndex>();
        foreach (var office in ForeignToBurkina)
        {
            var mrn = Samples.NewMrn();
            var answer = await Post(bf.Offices(), With(Sample(sample, mrn), field, office));
            AssertRefused(answer, $"{sample} {field}={office}", 403);
            Assert.Contains("94", answer.ErrorCodes);
            Assert.Null(await index.GetAsync(mrn, CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_offices_own_administration_may_name_is_still_accepted()
    {
        using var bf = new InProcessNode(_network, "BF", stack);
        var answer = await Post(bf.Offices(), With(Sample("IE006-ArrivalAdvice", Samples.NewMrn()), "CustomsOfficeOfDestinationActual", "BFBOB001"));
        Assert.True(answer.Status == 200, answer.ToString());
    }

    [Theory]
    [InlineData("CustomsOfficeOfDestination", "NENIA001")]
    [InlineData("CustomsOfficeOfDestination", "INTUT001")]
    [InlineData("ReferenceNumber", "NENIA001")]
    public async Task A_declaration_routed_through_an_office_of_no_known_administration_is_refused_and_not_released(string field, string office)
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var mrn = Samples.NewMrn();
        var answer = await Post(tg.Offices(), With(Sample("IE015-TransitDeclaration", mrn), field, office));
        AssertRefused(answer, $"{field}={office}", 422);
        Assert.Contains("12", answer.ErrorCodes);
        Assert.Null(await tg.Services.GetRequiredService<IMovementIndex>().GetAsync(mrn, CancellationToken.None));
    }

    [Fact]
    public async Task A_declaration_naming_another_office_of_departure_than_its_sender_is_refused()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        foreach (var office in new[] { "BFOUA001", "MVMLE001", "NENIA001" })
        {
            var mrn = Samples.NewMrn();
            AssertRefused(await Post(tg.Offices(), With(Sample("IE015-TransitDeclaration", mrn), "CustomsOfficeOfDeparture", office)), office, 422);
            Assert.Null(await tg.Services.GetRequiredService<IMovementIndex>().GetAsync(mrn, CancellationToken.None));
        }
    }

    public static TheoryData<string, string> Base64Garbage => new()
    {
        { "SignatureValue", "not*base64!" }, { "SignatureValue", "QUJD=" },
        { "DigestValue", "not*base64!" }, { "DigestValue", "" },
        { "X509Certificate", "not*base64!" }, { "X509Certificate", "QUJDRA==" },
    };

    [Theory]
    [MemberData(nameof(Base64Garbage))]
    public async Task Malformed_base64_in_a_partners_signature_is_403_94_over_http_and_a_dead_letter_on_the_broker_each_with_an_alert(string element, string garbage)
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var mrn = Samples.NewMrn();
        Assert.Equal(200, (await Post(tg.Offices(), Samples.ForMovement("IE015-TransitDeclaration", mrn))).Status);
        var index = tg.Services.GetRequiredService<IMovementIndex>();
        var before = (await index.HistoryAsync(mrn, CancellationToken.None)).Count;
        var signed = Encoding.UTF8.GetString(tg.SignAs("BF", Samples.ForMovement("IE118-BorderPassageNotification", mrn)));
        var broken = Encoding.UTF8.GetBytes(new Regex($"<{element}>[^<]*</{element}>").Replace(signed, $"<{element}>{garbage}</{element}>", 1));

        var answer = await Post(tg.Administration("BF"), broken);
        AssertRefused(answer, "over HTTP", 403);
        Assert.Contains("94", answer.ErrorCodes);

        var outcome = await tg.Services.GetRequiredService<InboundDeliveryHandler>().HandleAsync(
            new BusDelivery(new BusMessage(Guid.NewGuid().ToString(), null, "IE118", MessageFamily.Transit, "BF", "TG", broken, MovementReference: mrn), 1), CancellationToken.None);
        Assert.Equal("InvalidSignature", Assert.IsType<DeliveryOutcome.DeadLetterOutcome>(outcome).Reason);

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(broken));
        var alerts = await tg.Services.GetRequiredService<IAlertLog>().RecentAsync(20, CancellationToken.None);
        Assert.Contains(alerts, a => a.Kind == "InvalidSignature" && a.ContentSha256 == sha && a.ArchiveName.Contains("/_refused/"));
        Assert.Equal(before, (await index.HistoryAsync(mrn, CancellationToken.None)).Count);
        Assert.Equal("Released", (await index.GetAsync(mrn, CancellationToken.None))!.Status.Name);
    }

    public static TheoryData<string> Encodings => new() { "utf-16le", "utf-16be", "utf-32le", "utf-32be" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Any_encoding_but_utf8_without_mark_or_declaration_is_refused_locally_and_from_a_partner(string name)
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var encoding = Encoding.GetEncoding(name);
        var mrn = Samples.NewMrn();
        var local = encoding.GetBytes(Sample("IE015-TransitDeclaration", mrn).Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""));
        var answer = await Post(tg.Offices(), local);
        AssertRefused(answer, $"local {name}", 400);
        Assert.Contains("XML001", answer.ErrorCodes);
        var signed = Encoding.UTF8.GetString(tg.SignAs("BF", Samples.ForMovement("IE118-BorderPassageNotification", mrn)));
        AssertRefused(await Post(tg.Administration("BF"), encoding.GetBytes(signed.Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""))), $"partner {name}", 403);
        Assert.Null(await tg.Services.GetRequiredService<IMovementIndex>().GetAsync(mrn, CancellationToken.None));
    }

    [Fact]
    public async Task Truncated_xml_anywhere_is_refused_locally_and_from_a_partner()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var mrn = Samples.NewMrn();
        var declaration = Samples.ForMovement("IE015-TransitDeclaration", mrn);
        var passage = tg.SignAs("BF", Samples.ForMovement("IE118-BorderPassageNotification", mrn));
        foreach (var fraction in new[] { 0.1, 0.33, 0.5, 0.9, 0.99 })
        {
            AssertRefused(await Post(tg.Offices(), declaration[..(int)(declaration.Length * fraction)]), $"local cut at {fraction}", 400);
            AssertRefused(await Post(tg.Administration("BF"), passage[..(int)(passage.Length * fraction)]), $"partner cut at {fraction}", 403);
        }
        Assert.Null(await tg.Services.GetRequiredService<IMovementIndex>().GetAsync(mrn, CancellationToken.None));
    }

    [Fact]
    public async Task Ten_posts_of_one_message_id_with_other_bytes_at_once_give_one_receipt_and_nine_conflicts()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var mrn = Samples.NewMrn();
        var text = Sample("IE015-TransitDeclaration", mrn);
        Assert.Contains("Semi-milled rice", text);
        var variants = Enumerable.Range(1, 10).Select(i => Encoding.UTF8.GetBytes(text.Replace("Semi-milled rice", $"Semi-milled rice, lot {i}"))).ToList();
        var clients = variants.Select(_ => tg.Offices()).ToList();

        var answers = await Task.WhenAll(variants.Select((v, i) => Post(clients[i], v)));

        Assert.Equal(1, answers.Count(a => a.Status == 200));
        Assert.All(answers.Where(a => a.Status != 200), a =>
        {
            Assert.True(a.Status == 409, a.ToString());
            Assert.Contains("26", a.ErrorCodes);
        });
        var history = await tg.Services.GetRequiredService<IMovementIndex>().HistoryAsync(mrn, CancellationToken.None);
        Assert.Single(history, e => e.MessageType == "IE015");
    }
}
