using C2C.Adapters.DurableTask;
using C2C.Adapters.Security.XmlDsig;
using C2C.Adapters.Storage;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Transit;
using C2C.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace C2C.Orchestration.TestNode;

/// <summary>
/// The node's composition: settings <c>Engine:*</c> (<see cref="LocalDurableEngineOptions"/>), <c>Node:Storage</c>
/// (the node's storage name on the account), <c>Node:PublishLog</c> (the file that stands for the partners' topics),
/// <c>Node:Country</c> (<see cref="Country"/> unless set) and the <see cref="MovementTimes"/> its movements start with
/// (<c>Node:StayOpenAfterClose</c>, <c>Node:RetryPublishAfter</c>).
/// </summary>
public static class EngineNode
{
    /// <summary>The node's country unless <c>Node:Country</c> says otherwise.</summary>
    public const string Country = "TG";

    public static async Task<IHost> BuildAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        var storage = await StorageAsync(configuration, cancellationToken);
        var node = new NodeContext(configuration["Node:Country"] ?? Country);
        builder.Services.AddSingleton(node);
        builder.Services.AddSingleton<IMessageArchive>(new BlobMessageArchive(storage.Archive));
        builder.Services.AddSingleton<IMovementIndex>(new TableMovementIndex(storage));
        var guarantees = new TableGuaranteeLedger(storage);
        await guarantees.RegisterAsync(SampleGuarantee.Guarantee, cancellationToken);
        builder.Services.AddSingleton<IGuaranteeLedger>(guarantees);
        builder.Services.AddSingleton<IMessageSigner>(new XmlDsigMessageSigner(new XmlMessageSigner(SigningCredential.FromCertificate(TestCertificates.Ecdsa("TG test")))));
        builder.Services.AddSingleton<IMessagePublisher>(new PublishLog(configuration["Node:PublishLog"] ?? throw new InvalidOperationException("Node:PublishLog missing")));
        builder.Services.AddLocalDurableEngine(configuration.GetSection("Engine"), tasks => tasks.AddMovementOrchestrations());
        // The door the orchestrations deliver to other movements through (a vessel's arrival to each consignment): the
        // hand-off's start-or-raise with the node's own client, starting movements with the node's times.
        var times = new MovementTimes(
            TimeSpan.Parse(configuration["Node:StayOpenAfterClose"] ?? MovementTimes.Default.StayOpenAfterClose.ToString(), System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.Parse(configuration["Node:RetryPublishAfter"] ?? MovementTimes.Default.RetryPublishAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        builder.Services.AddSingleton<IMovementDoor>(sp => new DurableClientDoor(
            new MovementHandOff(node, sp.GetRequiredService<IMovementIndex>(), CorridorPolicy.Default, times, acknowledgeWithin: TimeSpan.Zero),
            sp.GetRequiredService<DurableTaskClient>()));
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
