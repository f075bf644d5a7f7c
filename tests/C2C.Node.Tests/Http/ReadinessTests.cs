using System.Text.Json;
using Azure.Storage.Blobs;
using C2C.Adapters.Storage;
using C2C.Testing;
using C2C.Testing.ServiceBus;

namespace C2C.Node.Tests.Http;

/// <summary>
/// /health/ready says whether the node can work: on a first deployment the signing certificate's Key Vault reference
/// stays a literal until the certificate is imported, and /health answers 200 all the same.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ReadinessTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private InProcessNode Togo(params (string Key, string Value)[] settings) => new(_network, "TG", stack, settings);

    private static async Task<(int Status, JsonElement Body)> ReadyAsync(InProcessNode node)
    {
        var response = await node.Client(null).GetAsync("health/ready");
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static JsonElement Check(JsonElement body, string name) => body.GetProperty("checks").GetProperty(name);

    [Fact]
    public async Task A_node_that_can_sign_store_and_send_is_ready()
    {
        using var node = Togo();
        var (status, body) = await ReadyAsync(node);

        Assert.True(status == 200, body.ToString());
        Assert.Equal(("ready", "TG"), (body.GetProperty("status").GetString(), body.GetProperty("country").GetString()));
        Assert.All(new[] { "signing", "storage", "broker" }, c => Assert.True(Check(body, c).GetProperty("ok").GetBoolean(), c));
        Assert.Contains(_network.SigningCertificate("TG").Subject, Check(body, "signing").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unresolved_key_vault_reference_for_the_signing_certificate_is_not_ready_though_health_answers()
    {
        using var node = Togo(("C2C:Identity:SigningCertificatePemPath", ""), ("C2C:Identity:SigningKeyPemPath", ""),
            ("C2C:Identity:SigningPfxBase64", "@Microsoft.KeyVault(SecretUri=https://kv-c2c-dev-tg.vault.azure.net/secrets/signing/)"));

        Assert.Equal(200, (int)(await node.Client(null).GetAsync("health")).StatusCode);
        var (status, body) = await ReadyAsync(node);
        Assert.Equal(503, status);
        Assert.Equal("not-ready", body.GetProperty("status").GetString());
        Assert.False(Check(body, "signing").GetProperty("ok").GetBoolean());
        Assert.Contains("import the certificate 'signing'", Check(body, "signing").GetProperty("detail").GetString());
        Assert.True(Check(body, "storage").GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task An_unreadable_signing_key_is_not_ready()
    {
        using var node = Togo(("C2C:Identity:SigningKeyPemPath", Path.Combine(_network.Directory, "no-such-key.pem")));
        var (status, body) = await ReadyAsync(node);

        Assert.Equal(503, status);
        Assert.Contains("cannot load the signing key of TG", Check(body, "signing").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Storage_the_node_cannot_use_is_not_ready()
    {
        using var node = Togo();
        Assert.Equal(200, (await ReadyAsync(node)).Status);
        await new BlobServiceClient(stack.StorageConnectionString).DeleteBlobContainerAsync(StorageNames.For(node.StorageNodeName).Archive);

        var (status, body) = await ReadyAsync(node);
        Assert.Equal(503, status);
        Assert.False(Check(body, "storage").GetProperty("ok").GetBoolean());
        Assert.Contains("does not exist", Check(body, "storage").GetProperty("detail").GetString());
    }

    /// <summary>
    /// On Azure, where Service Bus is the broker, the node is the isolated worker and its own processor receives: the
    /// worker is ready once every family subscription consumes and every partner country has a destination.
    /// </summary>
    private static async Task<(int Status, JsonElement Body)> ReadyAsync(Worker.WorkerNode node)
    {
        using var client = node.Client(null);
        var response = await client.GetAsync("health/ready");
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task The_worker_with_service_bus_is_ready_once_it_consumes_and_every_partner_country_has_a_usable_destination()
    {
        await using var own = new ServiceBusNamespace().AddTopic("TG");
        own.Start();
        await using var node = await new Worker.WorkerNode(_network, "TG", stack)
        {
            Settings = [.. Worker.WorkerNode.ServiceBus(own), ("C2C:Messaging:ServiceBus:Destinations:BF:FullyQualifiedNamespace", "sb-c2c-dev-bf.servicebus.windows.net"),
                ("C2C:Messaging:ServiceBus:Destinations:BF:SasKeyName", "send-tg"), ("C2C:Messaging:ServiceBus:Destinations:BF:SasKey", "key-from-key-vault")],
        }.StartAsync();

        var (status, body) = (0, default(JsonElement));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (status != 200 && DateTime.UtcNow < deadline)
        {
            (status, body) = await ReadyAsync(node);
            if (status != 200)
                await Task.Delay(200);
        }
        Assert.True(status == 200, body.ToString());
        Assert.Equal("c2c.bf on sb-c2c-dev-bf.servicebus.windows.net with SAS rule send-tg, at most 256 KB", Check(body, "broker").GetProperty("items").GetProperty("BF").GetString());
        Assert.Equal("c2c.tg: every subscription is consuming", Check(body, "consumers").GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-c2c-dev-tg.vault.azure.net/secrets/servicebus-send-bf/)", "unresolved Key Vault reference")]
    [InlineData(null, "registered partner without a destination")]
    public async Task A_partner_country_the_worker_cannot_send_to_is_not_ready(string? bfKey, string expected)
    {
        await using var own = new ServiceBusNamespace().AddTopic("TG");
        own.Start();
        (string, string)[] destination = bfKey is null ? [] :
        [
            ("C2C:Messaging:ServiceBus:Destinations:BF:FullyQualifiedNamespace", "sb-c2c-dev-bf.servicebus.windows.net"),
            ("C2C:Messaging:ServiceBus:Destinations:BF:SasKeyName", "send-tg"), ("C2C:Messaging:ServiceBus:Destinations:BF:SasKey", bfKey),
        ];
        await using var node = await new Worker.WorkerNode(_network, "TG", stack) { Settings = [.. Worker.WorkerNode.ServiceBus(own), .. destination] }.StartAsync();
        var (status, body) = await ReadyAsync(node);

        Assert.Equal(503, status);
        var broker = Check(body, "broker");
        Assert.False(broker.GetProperty("ok").GetBoolean());
        Assert.Equal("Service Bus: cannot send to BF", broker.GetProperty("detail").GetString());
        Assert.Contains(expected, broker.GetProperty("items").GetProperty("BF").GetString());
    }
}
