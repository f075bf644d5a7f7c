using C2C.Adapters.DurableTask;
using C2C.Adapters.Storage;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.TestNode;
using C2C.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>
/// A TG node's engine on the test's Azurite, and what a test drives it with: a client, the node's index, a hand-off.
/// Either in this process (<see cref="InProcessAsync"/>) or as a child process that can be killed (<see cref="ChildAsync"/>),
/// then with a client-only host here that takes no partition, as the ingest will be.
/// </summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineUnderTest(EngineSetting setting, IHost host, EngineNodeProcess? child, StorageClients storage) =>
        (Setting, _host, Child, Index, Archive) = (setting, host, child, new TableMovementIndex(storage), new BlobMessageArchive(storage.Archive));

    public EngineSetting Setting { get; }

    /// <summary>The engine node's process, when it runs as a child.</summary>
    public EngineNodeProcess? Child { get; }

    public IMovementIndex Index { get; }

    public IMessageArchive Archive { get; }

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<EngineUnderTest> InProcessAsync(EngineSetting setting)
    {
        var node = await EngineNode.BuildAsync(setting.Configuration, CancellationToken.None);
        await node.StartAsync();
        return new EngineUnderTest(setting, node, null, await StorageAsync(setting));
    }

    public static async Task<EngineUnderTest> ChildAsync(EngineSetting setting)
    {
        var child = new EngineNodeProcess(setting.Settings);
        await child.StartAsync(TimeSpan.FromSeconds(60));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLocalDurableClient(setting.Configuration.GetSection("Engine"));
        var ingest = builder.Build();
        await ingest.StartAsync();
        return new EngineUnderTest(setting, ingest, child, await StorageAsync(setting));
    }

    public MovementHandOff HandOff(TimeSpan acknowledgeWithin) =>
        new(new NodeContext(Setting.Country), Index, CorridorPolicy.Default, EngineSetting.Times, acknowledgeWithin);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Child?.Dispose();
    }

    private static Task<StorageClients> StorageAsync(EngineSetting setting) => EngineNode.StorageAsync(setting.Configuration, CancellationToken.None);
}
