using C2C.Adapters.DurableTask;
using C2C.Adapters.Security.XmlDsig;
using C2C.Adapters.Storage;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace C2C.Orchestration.TestNode;

/// <summary>
/// The node's composition: settings <c>Engine:*</c> (<see cref="LocalDurableEngineOptions"/>), <c>Node:Storage</c>
/// (the node's storage name on the account) and <c>Node:PublishLog</c> (the file that stands for the partners' topics).
/// </summary>
public static class EngineNode
{
    public const string Country = "TG";

    public static async Task<IHost> BuildAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        var storage = await StorageAsync(configuration, cancellationToken);
        builder.Services.AddSingleton(new NodeContext(Country));
        builder.Services.AddSingleton<IMessageArchive>(new BlobMessageArchive(storage.Archive));
        builder.Services.AddSingleton<IMovementIndex>(new TableMovementIndex(storage));
        builder.Services.AddSingleton<IMessageSigner>(new XmlDsigMessageSigner(new XmlMessageSigner(SigningCredential.FromCertificate(TestCertificates.Ecdsa("TG test")))));
        builder.Services.AddSingleton<IMessagePublisher>(new PublishLog(configuration["Node:PublishLog"] ?? throw new InvalidOperationException("Node:PublishLog missing")));
        builder.Services.AddLocalDurableEngine(configuration.GetSection("Engine"), tasks => tasks.AddMovementOrchestrations());
        return builder.Build();
    }

    /// <summary>The node's archive container and index tables, created if new.</summary>
    public static async Task<StorageClients> StorageAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var clients = new StorageClients(new StorageOptions
        {
            ConnectionString = configuration["Engine:ConnectionString"] ?? throw new InvalidOperationException("Engine:ConnectionString missing"),
            NodeName = configuration["Node:Storage"] ?? throw new InvalidOperationException("Node:Storage missing"),
        });
        await clients.EnsureCreatedAsync(cancellationToken);
        return clients;
    }
}
