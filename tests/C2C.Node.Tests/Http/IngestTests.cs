using System.Net;
using C2C.Core.Ports;
using C2C.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Http;

[Collection(StackCollection.Name)]
public sealed class IngestTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private InProcessNode Togo() => new(_network, "TG", stack);

    private static async Task<Answer> Post(HttpClient client, byte[] xml) => await Answer.ReadAsync(await InProcessNode.PostAsync(client, xml));

    [Fact]
    public async Task Released_declaration_is_archived_indexed_and_acknowledged()
    {
        using var node = Togo();
        var bytes = Samples.Bytes("IE015-TransitDeclaration");
        var answer = await Post(node.Offices(), bytes);

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("accepted", answer.Outcome);
        Assert.Equal("PositiveAcknowledgement", answer.Root);
        Assert.Equal("Released", answer.Value("MovementStatus"));
        Assert.Equal("TGLOM-20261124-0001", answer.Value("OriginalMessageId"));

        var archive = node.Services.GetRequiredService<IMessageArchive>();
        var stored = await archive.ReadAsync(answer.Value("ArchiveReference")!, CancellationToken.None);
        Assert.Equal(bytes, stored!.Content);
        Assert.Equal(answer.Value("ContentSha256"), stored.Message.Sha256);
        Assert.StartsWith($"{DateTime.UtcNow:yyyy/MM/dd}/{Samples.Mrn}/0001-IE015-", stored.Message.Name);

        var index = node.Services.GetRequiredService<IMovementIndex>();
        var history = await index.HistoryAsync(Samples.Mrn, CancellationToken.None);
        // The declaration, then the two anticipated records it causes (border office and destination in Burkina Faso).
        Assert.Equal(["IE015", "IE050", "IE001"], history.Select(e => e.MessageType));
        Assert.Equal(["BFCIN001", "BFOUA001"], history.Skip(1).Select(e => e.RecipientOffice));
        Assert.All(history.Skip(1), e => Assert.Equal(MessageDirection.Outbound, e.Direction));
    }

    [Fact]
    public async Task Movement_state_and_history_are_queryable()
    {
        using var node = Togo();
        await Post(node.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        var client = node.Client(_network.AuditorKey("TG"));
        var state = await client.GetStringAsync($"api/v1/movements/{Samples.Mrn}");
        Assert.Contains("\"status\":\"Released\"", state);
        Assert.Contains("\"OfficeOfDestination\":\"BFOUA001\"", state);
        var history = await client.GetStringAsync($"api/v1/movements/{Samples.Mrn}/history");
        Assert.Contains("\"chainIntact\":true", history);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/v1/movements/26TGLOM000000143J3")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Client(null).GetAsync($"api/v1/movements/{Samples.Mrn}")).StatusCode);
    }

    [Fact]
    public async Task Exact_repeat_gets_the_same_receipt_and_changes_nothing()
    {
        using var node = Togo();
        var first = await Post(node.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        var again = await Post(node.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        Assert.Equal(200, again.Status);
        Assert.Equal("duplicate", again.Outcome);
        Assert.Equal(first.Xml.ToString(), again.Xml.ToString());
        var history = await node.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None);
        Assert.Equal(3, history.Count);
    }

    [Fact]
    public async Task Same_message_id_with_other_content_is_a_conflict()
    {
        using var node = Togo();
        await Post(node.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        var altered = InProcessNode.Utf8(Samples.Text("IE015-TransitDeclaration").Replace("Semi-milled rice", "Fully milled rice"));
        var answer = await Post(node.Offices(), altered);
        Assert.Equal(409, answer.Status);
        Assert.Equal("FunctionalNack", answer.Root);
        Assert.Contains("26", answer.ErrorCodes);
        var history = await node.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None);
        Assert.Equal(3, history.Count);
    }

    [Fact]
    public async Task Out_of_sequence_message_gets_a_functional_nack_and_is_not_stored()
    {
        using var node = Togo();
        var signed = node.SignAs("BF", Samples.Bytes("IE018-ControlResults"));
        var answer = await Post(node.Administration("BF"), signed);
        Assert.Equal(422, answer.Status);
        Assert.Equal("FunctionalNack", answer.Root);
        Assert.Equal(["90"], answer.ErrorCodes);
        Assert.Null(await node.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None));
    }

    public static TheoryData<string, string, int, string> HostileInputs => new()
    {
        { "malformed", "<TransitDeclaration xmlns=\"urn:c2c:transit:v1\"><Header>", 400, "XML001" },
        { "xxe", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><StatusRequest xmlns=\"urn:c2c:transit:v1\">&x;</StatusRequest>", 400, "XML002" },
        { "billion laughs", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><StatusRequest xmlns=\"urn:c2c:transit:v1\">&c;</StatusRequest>", 400, "XML002" },
        { "wrong schema", "<StatusRequest xmlns=\"urn:c2c:transit:v1\"><Header><MessageId>x</MessageId></Header></StatusRequest>", 400, "XML005" },
        { "unknown message", "<Invoice xmlns=\"urn:example\"/>", 400, "XML006" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Hostile_input_gets_an_xml_nack_nothing_is_stored_and_the_node_keeps_serving(string attack, string xml, int status, string code)
    {
        using var node = Togo();
        var answer = await Post(node.Offices(), InProcessNode.Utf8(xml));
        Assert.True(answer.Status == status, $"{attack}: {answer}");
        Assert.Equal("XmlNack", answer.Root);
        Assert.Contains(code, answer.ErrorCodes);
        var archive = node.Services.GetRequiredService<IMessageArchive>();
        Assert.Empty(await archive.SearchAsync(new ArchiveQuery(From: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1))), CancellationToken.None));
        Assert.Equal(200, (await Post(node.Offices(), Samples.Bytes("IE015-TransitDeclaration"))).Status);
    }

    [Fact]
    public async Task Oversize_message_is_refused_with_413()
    {
        using var node = Togo();
        var huge = new byte[4 * 1024 * 1024 + 10];
        Array.Fill(huge, (byte)'a');
        var answer = await Post(node.Offices(), huge);
        Assert.Equal(413, answer.Status);
        Assert.Contains("XML003", answer.ErrorCodes);
    }

    [Fact]
    public async Task Unknown_partner_is_refused_with_401()
    {
        using var node = Togo();
        var answer = await Post(node.Client("not-a-registered-key"), Samples.Bytes("IE015-TransitDeclaration"));
        Assert.Equal(401, answer.Status);
        Assert.Contains("94", answer.ErrorCodes);
        var missing = await Post(node.Client(null), Samples.Bytes("IE015-TransitDeclaration"));
        Assert.Equal(401, missing.Status);
        Assert.Null(await node.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None));
    }

    [Fact]
    public async Task Partner_may_only_send_for_its_own_offices()
    {
        using var node = Togo();
        // Burkina Faso's administration tries to release a Togolese transit.
        var answer = await Post(node.Administration("BF"), node.SignAs("BF", Samples.Bytes("IE015-TransitDeclaration")));
        Assert.Equal(403, answer.Status);
        Assert.Contains("94", answer.ErrorCodes);
        Assert.Equal("/TransitDeclaration/Header/MessageSender", answer.Value("ErrorPointer"));
    }

    [Fact]
    public async Task Foreign_administration_must_sign()
    {
        using var node = Togo();
        await Post(node.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        var unsigned = await Post(node.Administration("BF"), Samples.Bytes("IE118-BorderPassageNotification"));
        Assert.Equal(403, unsigned.Status);
        Assert.Contains("Missing", unsigned.Value("ErrorReason"));
        var signedByTogo = await Post(node.Administration("BF"), node.SignAs("TG", Samples.Bytes("IE118-BorderPassageNotification")));
        Assert.Equal(403, signedByTogo.Status);
        var signed = await Post(node.Administration("BF"), node.SignAs("BF", Samples.Bytes("IE118-BorderPassageNotification")));
        Assert.True(signed.Status == 200, signed.ToString());
        Assert.Equal("InTransit", signed.Value("MovementStatus"));
    }

    [Fact]
    public async Task Validate_endpoint_reports_errors_without_storing()
    {
        using var node = Togo();
        var bad = InProcessNode.Utf8(Samples.Text("IE015-TransitDeclaration").Replace("<CommodityCode>151790</CommodityCode>", "<CommodityCode>15179</CommodityCode>"));
        var response = await InProcessNode.PostAsync(node.Offices(), bad, "api/v1/messages/validate");
        var report = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"valid\":false", report);
        Assert.Contains("/TransitDeclaration/Declaration/Consignment/GoodsItem[2]/CommodityCode", report);
        var good = await (await InProcessNode.PostAsync(node.Offices(), Samples.Bytes("IE015-TransitDeclaration"), "api/v1/messages/validate")).Content.ReadAsStringAsync();
        Assert.Contains("\"valid\":true", good);
        Assert.Null(await node.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_endpoints()
    {
        using var node = Togo();
        var document = await node.Client(null).GetStringAsync("openapi/v1.json");
        Assert.Contains("/api/v1/messages", document);
        Assert.Contains("/api/v1/movements/{reference}/history", document);
    }
}
