using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Node.Hosting.Worker;
using C2C.Node.Http;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Transit;

namespace C2C.Node.Composition;

/// <summary>
/// The isolated worker's services (Hosting:Mode=Functions): the node's own composition, its HTTP surface behind the
/// HTTP functions, the Service Bus processor (no Service Bus trigger extension is served: see docs/deployment.md) and
/// the queue door into the movements' orchestrations.
/// </summary>
public static class FunctionsComposition
{
    /// <summary>How long the ingest waits for a movement to acknowledge a message before it answers 503 / abandons.</summary>
    public static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddC2CWorker(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddNodeHttp(configuration);
        services.AddC2CNode(configuration, contentRoot);
        services.AddSingleton<NodeRequestPipeline>();

        // Service Bus receive: the processor the standalone node runs, as a hosted service of the worker. It is no
        // trigger, so Service Bus load does not scale the app: Bicep keeps instances always ready.
        if (services.Any(d => d.ServiceType == typeof(IMessageConsumer)))
        {
            services.AddSingleton<Hosting.Standalone.ConsumerSubscriptions>();
            services.AddHostedService<Hosting.Standalone.InboundConsumers>();
        }
        // Until the engine switch (docs/durable-engine.md, step 4) the movements are MessageExchange's: its outbox
        // relay and deadline sweep run on timers in the worker too. Goes with them.
        services.AddHostedService<Hosting.Standalone.PeriodicWork>();

        var taskHub = configuration[QueueMovementDoor.TaskHubSetting] is { Length: > 0 } hub
            ? hub
            : throw new InvalidOperationException($"{QueueMovementDoor.TaskHubSetting} is required: the Durable task hub (host.json hubName), e.g. c2ctg");
        services.AddSingleton(_ => HostStorage.Door(configuration, taskHub));
        services.AddSingleton<IMovementDoor>(sp => sp.GetRequiredService<QueueMovementDoor>());
        services.AddHostedService<DoorInitializer>();
        services.AddSingleton(sp => new MovementHandOff(sp.GetRequiredService<NodeContext>(), sp.GetRequiredService<IMovementIndex>(),
            sp.GetRequiredService<CorridorPolicy>(), MovementTimes.Default, AcknowledgeWithin));
        return services;
    }

    /// <summary>Creates the hand-off queue and container where Bicep did not (tests, a first start); idempotent.</summary>
    private sealed class DoorInitializer(QueueMovementDoor door) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => door.EnsureCreatedAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// The Functions host's own storage (AzureWebJobsStorage), where its queue trigger listens: a connection string
    /// locally, the account name and the managed identity on Azure (<c>AzureWebJobsStorage__accountName</c>).
    /// </summary>
    private static class HostStorage
    {
        public static QueueMovementDoor Door(IConfiguration configuration, string taskHub)
        {
            var section = configuration.GetSection("AzureWebJobsStorage");
            var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }; // the queue trigger's default encoding
            var name = QueueMovementDoor.QueueName(taskHub);
            if (section.Value is { Length: > 0 } connectionString)
                return new QueueMovementDoor(new QueueClient(connectionString, name, queueOptions), new BlobContainerClient(connectionString, name));
            var account = section["accountName"] ?? throw new InvalidOperationException("AzureWebJobsStorage (connection string) or AzureWebJobsStorage__accountName is required");
            var credential = new DefaultAzureCredential();
            var queues = new Uri(section["queueServiceUri"] ?? $"https://{account}.queue.core.windows.net");
            var blobs = new Uri(section["blobServiceUri"] ?? $"https://{account}.blob.core.windows.net");
            return new QueueMovementDoor(new QueueServiceClient(queues, credential, queueOptions).GetQueueClient(name),
                new BlobServiceClient(blobs, credential).GetBlobContainerClient(name));
        }
    }
}
