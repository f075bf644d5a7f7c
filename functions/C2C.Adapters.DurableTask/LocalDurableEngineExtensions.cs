using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace C2C.Adapters.DurableTask;

/// <summary>
/// The same orchestrators and activities as on Azure, durable on a backend that runs here: the local and on-premises
/// node adds this instead of the isolated worker's Durable extension.
/// </summary>
public static class LocalDurableEngineExtensions
{
    /// <summary>
    /// Registers the durable backend (its sidecar), the worker running <paramref name="tasks"/>, a
    /// <see cref="DurableTaskClient"/> for the ingest and the purge of finished movements (<see cref="CompletedMovementPurge"/>), all bound to <paramref name="section"/> (<see cref="LocalDurableEngineOptions"/>).
    /// </summary>
    public static IServiceCollection AddLocalDurableEngine(this IServiceCollection services, IConfiguration section, Action<DurableTaskRegistry> tasks)
    {
        var channel = AddSidecar(services, section, TaskHubGrpcServerMode.ApiServerAndDispatcher);
        services.AddDurableTaskWorker(worker => worker.UseGrpc(channel).AddTasks(tasks));
        services.AddDurableTaskClient(client => client.UseGrpc(channel).RegisterDirectly());
        // Housekeeping where the orchestrations run: one purger per task hub, not one per client process. The client
        // through the provider: in the isolated worker's tests the Functions extension registers the clients, by name.
        services.AddHostedService(sp => new CompletedMovementPurge(sp.GetRequiredService<IDurableTaskClientProvider>().GetClient(),
            sp.GetRequiredService<IOptions<LocalDurableEngineOptions>>(), sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<CompletedMovementPurge>>()));
        return services;
    }

    /// <summary>
    /// Only a <see cref="DurableTaskClient"/> on the task hub (start movements, raise their messages, read their status):
    /// for a process beside the one that runs the orchestrations.
    /// </summary>
    public static IServiceCollection AddLocalDurableClient(this IServiceCollection services, IConfiguration section)
    {
        var channel = AddSidecar(services, section, TaskHubGrpcServerMode.ApiServerOnly);
        services.AddDurableTaskClient(client => client.UseGrpc(channel).RegisterDirectly());
        return services;
    }

    private static GrpcChannel AddSidecar(IServiceCollection services, IConfiguration section, TaskHubGrpcServerMode mode)
    {
        services.AddOptions<LocalDurableEngineOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalDurableEngineOptions>>(new LocalDurableEngineOptionsValidator((section as IConfigurationSection)?.Path ?? ""));
        var configured = section.Get<LocalDurableEngineOptions>() ?? new LocalDurableEngineOptions();
        // The channel needs its address now; the sidecar binds it at start.
        var port = configured.SidecarPort == 0 ? FreeLoopbackPort() : configured.SidecarPort;
        // First: hosted services start in registration order, and the worker connects to the sidecar.
        services.AddHostedService(sp => new LocalDurableSidecar(sp.GetRequiredService<IOptions<LocalDurableEngineOptions>>().Value, port, mode, sp.GetRequiredService<ILoggerFactory>()));
        return GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
