using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace C2C.Adapters.DurableTask;

/// <summary>
/// Serves the Azure Storage orchestration service to the Microsoft.DurableTask worker and client of this process over
/// gRPC on a loopback port: the wiring PACKAGES.md records as working (TaskHubGrpcServer of the in-process test host,
/// HTTP/2 only). Started before the worker, stopped after it (hosted-service order).
/// </summary>
/// <param name="mode">
/// <see cref="TaskHubGrpcServerMode.ApiServerAndDispatcher"/> where orchestrations run; <see cref="TaskHubGrpcServerMode.ApiServerOnly"/>
/// for a process that only starts orchestrations and raises events (it must not take the task hub's partitions).
/// </param>
internal sealed class LocalDurableSidecar(LocalDurableEngineOptions options, int port, TaskHubGrpcServerMode mode, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;
    private StopOnceOrchestrationService? _dispatched;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString),
            TaskHubName = options.TaskHub,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.QueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.QueueVisibilityTimeout,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            ControlQueueBatchSize = options.ControlQueueBatchSize,
            LoggerFactory = loggerFactory,
        });
        // The sidecar's create-task-hub call does not wait; the queues and tables must exist before the dispatcher polls them.
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        _dispatched = new StopOnceOrchestrationService(service);
        builder.Services.AddSingleton<IOrchestrationService>(_dispatched);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = mode);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        // Resolved once before start: its constructor hooks application start, which starts the dispatchers.
        app.Services.GetRequiredService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        _app = app;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
            await _app.StopAsync(cancellationToken);
        // The sidecar stops the provider from an application-stopping callback the host does not wait for, and only
        // after its dispatchers have drained: in the bench, engines stopped minutes before still renewed their partition
        // leases and polled their queues. Stopped here, once (StopOnceOrchestrationService), forced: what was in flight
        // comes back after the visibility timeout.
        if (_dispatched is not null && mode == TaskHubGrpcServerMode.ApiServerAndDispatcher)
            await _dispatched.StopAsync(isForced: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
