using System.Text;
using C2C.Core.Ports;
using C2C.Node.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace C2C.Node.Tests.Security;

/// <summary>
/// Hostile input over HTTP beyond the XML attacks of IngestTests: tampered and spliced signatures from a partner
/// administration, and a seeded fuzz run through ingest. Every case: a NACK with a code, nothing stored, node serving.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class HostileInputTests(LocalStack stack, ITestOutputHelper output) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private static async Task<Answer> Post(HttpClient client, byte[] xml) => await Answer.ReadAsync(await InProcessNode.PostAsync(client, xml));

    [Fact]
    public async Task Signed_messages_altered_or_given_another_messages_signature_are_refused_and_change_nothing()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        await Post(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        var index = tg.Services.GetRequiredService<IMovementIndex>();
        var before = (await index.HistoryAsync(Samples.Mrn, CancellationToken.None)).Count;

        var passage = Encoding.UTF8.GetString(tg.SignAs("BF", Samples.Bytes("IE118-BorderPassageNotification")));
        // 1. Changed after signing: the border office's seals verdict turned around.
        var altered = passage.Replace("<SealsIntact>true</SealsIntact>", "<SealsIntact>false</SealsIntact>");
        Assert.NotEqual(passage, altered);
        // 2. Wrapping: a valid signature taken from another signed message and put on an unsigned one.
        var arrival = Encoding.UTF8.GetString(tg.SignAs("BF", Samples.Bytes("IE006-ArrivalAdvice")));
        var signature = arrival[arrival.IndexOf("<Signature", StringComparison.Ordinal)..(arrival.IndexOf("</Signature>", StringComparison.Ordinal) + "</Signature>".Length)];
        var unsignedPassage = Samples.Text("IE118-BorderPassageNotification");
        var spliced = unsignedPassage.Insert(unsignedPassage.LastIndexOf("</", StringComparison.Ordinal), signature);

        foreach (var (attack, xml) in new[] { ("altered after signing", altered), ("signature of another message", spliced) })
        {
            var answer = await Post(tg.Administration("BF"), Encoding.UTF8.GetBytes(xml));
            Assert.True(answer.Status == 403, $"{attack}: {answer}");
            Assert.Contains("94", answer.ErrorCodes);
        }
        Assert.Equal(before, (await index.HistoryAsync(Samples.Mrn, CancellationToken.None)).Count);
        Assert.Equal("Released", (await index.GetAsync(Samples.Mrn, CancellationToken.None))!.Status.Name);
        Assert.True((await Post(tg.Administration("BF"), Encoding.UTF8.GetBytes(passage))).Status == 200, "the genuine message is still accepted");
    }

    [Fact]
    public async Task A_foreign_message_without_a_valid_signature_is_refused_before_it_is_read_kept_and_raised_as_an_alert()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var refusals = new (string Case, byte[] Body, string Status)[]
        {
            ("unsigned", Samples.Bytes("IE118-BorderPassageNotification"), "Missing"),
            ("unsigned and schema-invalid", Encoding.UTF8.GetBytes("<StatusRequest xmlns=\"urn:c2c:transit:v1\"><Header><MessageId>x</MessageId></Header></StatusRequest>"), "Missing"),
            ("not even XML", Encoding.UTF8.GetBytes("<BorderPassageNotification xmlns=\"urn:c2c:transit:v1\">"), "Malformed"),
            ("signed by Togo", tg.SignAs("TG", Samples.Bytes("IE118-BorderPassageNotification")), "UnknownCertificate"),
        };
        foreach (var (name, body, status) in refusals)
        {
            var answer = await Post(tg.Administration("BF"), body);
            // 403, never the 400 of schema validation: nothing reads an unauthenticated message.
            Assert.True(answer.Status == 403, $"{name}: {answer}");
            Assert.StartsWith($"Signature check failed: {status}", answer.Value("ErrorReason"));
        }

        var alerts = System.Text.Json.JsonDocument.Parse(await tg.Auditor().GetStringAsync("api/v1/audit/alerts")).RootElement.EnumerateArray().ToList();
        foreach (var (name, body, status) in refusals)
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
            var alert = Assert.Single(alerts, a => a.GetProperty("contentSha256").GetString() == sha);
            Assert.Equal("InvalidSignature", alert.GetProperty("kind").GetString());
            Assert.Equal("BF", alert.GetProperty("sourceCountry").GetString());
            Assert.Contains("posted over HTTP by 'BF'", alert.GetProperty("detail").GetString());
            var archived = await tg.Auditor().GetAsync($"api/v1/archive/{alert.GetProperty("archiveName").GetString()}");
            Assert.Equal(body, await archived.Content.ReadAsByteArrayAsync());
            Assert.StartsWith(status, archived.Headers.GetValues("X-Signature-Status").Single());
            Assert.Contains("/_refused/", alert.GetProperty("archiveName").GetString());
        }
        Assert.Null(await tg.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None));

        // Authentic but invalid: past the signature, validation answers with its XML NACK as before.
        var signedInvalid = await Post(tg.Administration("BF"), tg.SignAs("BF", refusals[1].Body));
        Assert.True(signedInvalid.Status == 400, signedInvalid.ToString());
        Assert.Equal("XmlNack", signedInvalid.Root);
    }

    [Fact]
    public async Task Fuzzed_messages_get_a_nack_never_a_server_error()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var fuzzer = new MessageFuzzer(MessageFuzzer.SeedFromEnvironment());
        var iterations = MessageFuzzer.Iterations(400) / 8;
        output.WriteLine($"fuzz seed {fuzzer.Seed}, {iterations} posts (replay: C2C_FUZZ_SEED={fuzzer.Seed})");
        var declaration = Samples.Bytes("IE015-TransitDeclaration");
        for (var i = 0; i < iterations; i++)
        {
            var (mutation, bytes) = fuzzer.Mutate(declaration);
            var response = await InProcessNode.PostAsync(tg.Offices(), bytes);
            var context = $"seed {fuzzer.Seed}, post {i}, {mutation}";
            Assert.True((int)response.StatusCode < 500, $"{context}: {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode)
            {
                var nack = await Answer.ReadAsync(response);
                Assert.True(nack.ErrorCodes.Any(), $"{context}: a refusal without an error code");
            }
        }
        // Whatever was accepted is a complete, chained movement; the node still answers.
        if (await tg.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None) is { } accepted)
            Assert.Equal(accepted.EventCount, (await tg.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None)).Count);
        Assert.True((await tg.Client(null).GetAsync("health")).IsSuccessStatusCode);
    }
}
