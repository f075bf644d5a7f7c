namespace C2C.Testing;

/// <summary>
/// Country nodes as real processes on loopback ports, over one RabbitMQ virtual host of the test's own and the
/// shared Azurite (each node its own containers and tables). Fast timers so relays and sweeps show within seconds.
/// </summary>
public sealed class Corridor : IAsyncDisposable
{
    private readonly LocalStack _stack;
    private readonly Dictionary<string, CountryNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _overrides;
    private BrokerVirtualHost? _broker;

    private Corridor(LocalStack stack, string[] countries, Dictionary<string, string> overrides)
    {
        _stack = stack;
        _overrides = overrides;
        Network = new TestNetwork(countries);
        Run = Guid.NewGuid().ToString("N")[..8];
    }

    public TestNetwork Network { get; }

    /// <summary>Unique per corridor: names the virtual host and the nodes' storage.</summary>
    public string Run { get; }

    public BrokerVirtualHost Broker => _broker ?? throw new InvalidOperationException("not started");

    public CountryNode this[string country] => _nodes[country];

    public static async Task<Corridor> StartAsync(LocalStack stack, string[] countries, Dictionary<string, string>? overrides = null)
    {
        var corridor = new Corridor(stack, countries, overrides ?? []);
        try
        {
            corridor._broker = await BrokerVirtualHost.CreateAsync(stack, $"e2e-{corridor.Run}");
            await Task.WhenAll(countries.Select(corridor.StartNodeAsync));
            return corridor;
        }
        catch
        {
            await corridor.DisposeAsync();
            throw;
        }
    }

    private async Task StartNodeAsync(string country)
    {
        var settings = Network.Settings(country, _stack.StorageConnectionString, $"{country.ToLowerInvariant()}{Run}", Broker.Uri);
        settings["C2C:OutboxRelaySeconds"] = "1";
        settings["C2C:DeadlineSweepSeconds"] = "1";
        settings["Logging:LogLevel:Default"] = "Information";
        foreach (var (key, value) in _overrides)
            settings[key] = value;
        var process = new NodeProcess(country, FreePort.Next(), TestNetwork.AsEnvironment(settings), Path.Combine(RepoPaths.Root, "TestResults", "node-logs", Run));
        var node = new CountryNode(process, Network);
        lock (_nodes)
            _nodes[country] = node;
        await process.StartAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Restarts a node that was killed: same port, storage and configuration, as a restarted server would be.</summary>
    public Task RestartAsync(string country) => _nodes[country].Process.StartAsync(TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Values)
        {
            node.Process.Dispose();
            node.Dispose();
        }
        if (_broker is not null)
            await _broker.DisposeAsync();
        Network.Dispose();
    }
}
