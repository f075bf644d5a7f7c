using C2C.Core.Ports;
using C2C.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Http;

/// <summary>
/// The node takes messages up to C2C:MaxMessageBytes (4 MB), the partner's Service Bus topic far less (256 KB on
/// Standard). A message whose records for the partner would not fit its topic is refused at ingest, with a NACK
/// naming the limit, before anything is stored: once committed it could never be delivered.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class BrokerLimitTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    /// <summary>BF's topic limit as Bicep sets it; the namespace is a closed loopback port (sending fails, the outbox keeps it).</summary>
    private InProcessNode Togo(int bfMaxMessageKilobytes) => new(_network, "TG", stack,
        ("C2C:Messaging:Provider", "ServiceBus"),
        ("C2C:Messaging:ServiceBus:FullyQualifiedNamespace", "127.0.0.1"),
        ("C2C:Messaging:ServiceBus:Port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("C2C:Messaging:ServiceBus:UseTls", "false"),
        ("C2C:Messaging:ServiceBus:SasKeyName", "c2c-node"),
        ("C2C:Messaging:ServiceBus:SasKey", "test-key"),
        ("C2C:Messaging:ServiceBus:Destinations:BF:FullyQualifiedNamespace", "127.0.0.1"),
        ("C2C:Messaging:ServiceBus:Destinations:BF:SasKeyName", "send-tg"),
        ("C2C:Messaging:ServiceBus:Destinations:BF:SasKey", "test-key"),
        ("C2C:Messaging:ServiceBus:Destinations:BF:MaxMessageKilobytes", bfMaxMessageKilobytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task A_declaration_whose_records_exceed_the_partners_topic_limit_is_refused_and_nothing_is_stored()
    {
        using var node = Togo(bfMaxMessageKilobytes: 5); // 1 KB of body once the envelope is kept: the signed records are larger
        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(node.Offices(), Samples.Bytes("IE015-TransitDeclaration")));

        Assert.True(answer.Status == 422, answer.ToString());
        Assert.Equal("FunctionalNack", answer.Root);
        Assert.Equal(["19"], answer.ErrorCodes);
        var reason = answer.Value("ErrorReason")!;
        Assert.Contains("for BFCIN001", reason);
        Assert.Contains($"the broker of BF accepts at most {5 * 1024 - 4096} bytes", reason);
        Assert.Null(await node.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None));
        Assert.Empty(await node.Services.GetRequiredService<IMessageArchive>().SearchAsync(new ArchiveQuery(MovementReference: Samples.Mrn), CancellationToken.None));
    }

    [Fact]
    public async Task Within_the_limit_the_declaration_is_accepted_and_its_records_wait_in_the_outbox()
    {
        using var node = Togo(bfMaxMessageKilobytes: 256);
        var answer = await Answer.ReadAsync(await InProcessNode.PostAsync(node.Offices(), Samples.Bytes("IE015-TransitDeclaration")));

        Assert.True(answer.Status == 200, answer.ToString());
        var history = await node.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None);
        Assert.Equal(["IE015", "IE050", "IE001"], history.Select(e => e.MessageType));
    }
}
