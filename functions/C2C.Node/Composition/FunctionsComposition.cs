using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using C2C.Core.Ports;
using C2C.Node.Hosting.Worker;
using C2C.Node.Http;
using C2C.Orchestration.HandOff;

namespace C2C.Node.Composition;

/// <summary>
/// The isolated worker's services (Hosting:Mode=Functions): the node's own composition, its HTTP surface behind the
/// HTTP functions, the Service Bus processor (no Service Bus trigger extension is served: see docs/deployment.md) and
/// the queue door into the movements' orchestrations.
/// </summary>
public static class FunctionsComposition
{
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
        // Lower case: the host resolves the trigger's queue name %C2C_TASK_HUB%-handoff as it is, and queue names are.
        var taskHub = configuration[QueueMovementDoor.TaskHubSetting] is { } hub && System.Text.RegularExpressions.Regex.IsMatch(hub, "^[a-z][a-z0-9]{2,44}$")
            ? hub
            : throw new InvalidOperationException($"{QueueMovementDoor.TaskHubSetting} must name the Durable task hub (host.json hubName) in 3-45 lower-case letters and digits, e.g. c2ctg");
        // The movements run on the Durable extension (MovementFunctions); the ingest reaches them through the queue door,
        // HTTP and Service Bus alike: the node's one IMovementExchange, no client threaded through the endpoints.
        services.AddSingleton(_ => HostStorage.Door(configuration, taskHub));
        services.AddSingleton<IMovementDoor>(sp => sp.GetRequiredService<QueueMovementDoor>());
        services.AddHostedService<DoorInitializer>();
        EngineComposition.AddIngest(services);
        // The ops view (movement status, audit) reads each movement's orchestration with the HTTP function's own binding.
        services.AddScoped<InvocationDurableClient>();
        services.AddScoped(sp => sp.GetRequiredService<InvocationDurableClient>().Client!);
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
