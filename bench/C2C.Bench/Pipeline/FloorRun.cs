using Azure.Data.Tables;
using C2C.Adapters.RabbitMq;
using C2C.Adapters.Storage;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Bench.Pipeline;

/// <summary>
/// The raw floor: per declaration, the writes the pipeline cannot avoid, in a tight concurrent loop with the same
/// SDKs and no logic: 5 blob uploads (IE015 + the two records at departure, the two records at destination),
/// 3 entity-group transactions (7 entities at departure; 4 per record at destination), 2 confirmed publishes.
/// </summary>
public static class FloorRun
{
    public const int UploadsPerDeclaration = 5;
    public const int TransactionsPerDeclaration = 3;
    public const int PublishesPerDeclaration = 2;

    public sealed record Result(List<double> Ms, TimeSpan Wall, StorageRequestLog.Served? Requests);

    public static async Task<Result> RunAsync(LocalStack stack, int count, int concurrency, StorageRequestLog? requests)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var clients = new StorageClients(new StorageOptions { ConnectionString = stack.StorageConnectionString, NodeName = "floor" + run });
        await clients.EnsureCreatedAsync(CancellationToken.None);
        var table = clients.Table(clients.Names.Movements);
        await using var vhost = await BrokerVirtualHost.CreateAsync(stack, "floor-" + run);
        var connections = new RabbitMqConnections(new RabbitMqOptions { Uri = vhost.Uri });
        await DeclareDestinationAsync(connections);
        await using var publisher = new RabbitMqPublisher(connections);
        var xml = Samples.Bytes("IE015-TransitDeclaration");
        var record = Samples.Bytes("IE050-AnticipatedTransitRecord");

        // Warmed up like the pipeline's nodes (connections, JIT) before anything is timed.
        await Stats.RunConcurrentlyAsync(Enumerable.Range(0, concurrency).Select(_ => PipelineRun.NewMrn()).ToList(), concurrency, OneDeclarationAsync);
        var items = Enumerable.Range(0, count).Select(_ => PipelineRun.NewMrn()).ToList();
        var served = requests is null ? null : await requests.SnapshotAsync();
        var (ms, wall) = await Stats.RunConcurrentlyAsync(items, concurrency, OneDeclarationAsync);
        return new Result(ms, wall, served is null ? null : (await requests!.SnapshotAsync()).Minus(served));

        async Task OneDeclarationAsync(string mrn)
        {
            foreach (var (i, body) in new[] { (1, xml), (2, record), (3, record), (4, record), (5, record) })
                await clients.Archive.GetBlobClient($"{mrn}/{i}.xml").UploadAsync(BinaryData.FromBytes(body));
            await table.SubmitTransactionAsync(Entities(mrn, "tg", 7));
            await table.SubmitTransactionAsync(Entities(mrn, "bf050", 4));
            await table.SubmitTransactionAsync(Entities(mrn, "bf001", 4));
            foreach (var type in new[] { "IE050", "IE001" })
                await publisher.PublishAsync(new BusMessage($"{mrn}-{type}", null, type, MessageFamily.Transit, "TG", "BF", record), CancellationToken.None);
        }
    }

    private static IEnumerable<TableTransactionAction> Entities(string partition, string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity($"{partition}-{prefix}", $"{i:D4}") { ["Status"] = "Released", ["Payload"] = new string('x', 400) }));

    private static async Task DeclareDestinationAsync(RabbitMqConnections connections)
    {
        await using var connection = await connections.OpenAsync("floor-topology", CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        await RabbitMqTopology.DeclareInboundAsync(channel, "BF", MessageFamily.Transit, 10, CancellationToken.None);
    }
}
