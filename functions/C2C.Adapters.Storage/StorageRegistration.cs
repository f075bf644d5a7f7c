using Azure.Identity;
using C2C.Core.Dashboard;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Transit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace C2C.Adapters.Storage;

/// <summary>The Azure Storage adapter (Azurite locally) plugged into the core's storage ports.</summary>
public static class StorageRegistration
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> to <paramref name="section"/> (validated at start) and registers the archive,
    /// the movement index, the corridor figures, the alert log, the operations journal and the guarantee ledger, and
    /// creates the container and tables at start. Needs the core's <see cref="NodeContext"/>, <see cref="CorridorPolicy"/>
    /// and a <see cref="TimeProvider"/>. The first hosted service it adds: register what needs the tables after it.
    /// </summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<StorageOptions>().Bind(section)
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.ConnectionString))
                    o.Credential ??= new DefaultAzureCredential();
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new StorageOptionsValidator(section.Path));
        services.AddSingleton(sp => new StorageClients(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IMessageArchive>(sp => new BlobMessageArchive(sp.GetRequiredService<StorageClients>().Archive));
        services.AddSingleton<IMovementIndex>(sp => new TableMovementIndex(sp.GetRequiredService<StorageClients>(),
            new CorridorFigures(sp.GetRequiredService<CorridorPolicy>().ControlResultsWithin, sp.GetRequiredService<NodeContext>().Country)));
        services.AddSingleton<ICorridorFigures>(sp => new TableCorridorFigures(sp.GetRequiredService<StorageClients>()));
        services.AddSingleton<IAlertLog>(sp => new TableAlertLog(sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOperationsJournal>(sp => new TableOperationsJournal(sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGuaranteeLedger>(sp => new TableGuaranteeLedger(sp.GetRequiredService<StorageClients>()));
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    /// <summary>Creates the container and tables before the node serves (idempotent; on Azure Bicep made them already).</summary>
    private sealed class StorageInitializer(StorageClients clients) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => clients.EnsureCreatedAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
