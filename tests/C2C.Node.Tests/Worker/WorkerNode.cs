using C2C.Adapters.DurableTask;
using C2C.Node.Composition;
using C2C.Node.Hosting.Worker;
using C2C.Node.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// A country node as the isolated worker composes it on Azure (<see cref="FunctionsComposition.AddC2CWorker"/>, the
/// settings Bicep gives it: Hosting:Mode=Functions, AzureWebJobsStorage, C2C_TASK_HUB), on the test's Azurite, with
/// <see cref="FunctionsHostDouble"/> in place of the Functions host: HTTP through the HTTP functions and, with
/// <see cref="Engine"/>, the movement functions on the local engine and the hand-off queue polled into the queue function.
/// </summary>
public sealed class WorkerNode(TestNetwork network, string country, LocalStack stack) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Settings on top of the network's and Bicep's.</summary>
    public (string Key, string Value)[] Settings { get; init; } = [];

    /// <summary>Run the movement functions and the hand-off queue (the Durable extension's and the queue trigger's part).</summary>
    public bool Engine { get; init; }

    /// <summary>Where the node's log goes (nowhere otherwise).</summary>
    public ILoggerProvider? Logs { get; init; }

    public TestNetwork Network => network;

    public string Country => country;

    public string StorageNodeName { get; } = country.ToLowerInvariant() + Guid.NewGuid().ToString("N")[..10];

    public string TaskHub => "c2c" + StorageNodeName;

    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("start the node first")).Services;

    public async Task<WorkerNode> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (Logs is not null)
            builder.Logging.AddProvider(Logs);
        // Later sources win: the network's settings, then Bicep's, then the test's.
        builder.Configuration.AddInMemoryCollection(network.Settings(country, stack.StorageConnectionString, StorageNodeName).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hosting:Mode"] = "Functions",
            ["AzureWebJobsStorage"] = stack.StorageConnectionString,
            [QueueMovementDoor.TaskHubSetting] = TaskHub,
            ["Engine:ConnectionString"] = stack.StorageConnectionString,
            ["Engine:TaskHub"] = TaskHub,
        });
        builder.Configuration.AddInMemoryCollection(Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddC2CWorker(builder.Configuration, builder.Environment.ContentRootPath);
        if (Engine)
        {
            builder.Services.AddLocalDurableEngine(builder.Configuration.GetSection("Engine"), tasks => tasks.AddMovementFunctions());
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<FunctionsHostDouble.HandOffQueueTrigger>(sp, sp.GetRequiredService<IDurableTaskClientProvider>().GetClient()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<FunctionsHostDouble.HandOffQueueTrigger>());
        }
        _app = builder.Build();
        _app.Run(FunctionsHostDouble.InvokeHttpAsync);
        await _app.StartAsync();
        return this;
    }

    /// <summary>Service Bus as on Azure: our namespace and each partner's destination, all on the in-process endpoint <paramref name="bus"/>.</summary>
    public static (string Key, string Value)[] ServiceBus(C2C.Testing.ServiceBus.ServiceBusNamespace bus, params string[] partners) =>
    [
        ("C2C:Messaging:Provider", "ServiceBus"),
        .. bus.NodeSettings("C2C:Messaging:ServiceBus"),
        .. partners.SelectMany(partner => bus.NodeSettings($"C2C:Messaging:ServiceBus:Destinations:{partner}")),
    ];

    public HttpClient Client(string? apiKey)
    {
        var client = (_app ?? throw new InvalidOperationException("start the node first")).GetTestClient();
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add(CallerResolver.ApiKeyHeader, apiKey);
        return client;
    }

    public HttpClient Offices() => Client(network.OfficesKey(country));

    public async ValueTask DisposeAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
