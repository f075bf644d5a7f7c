using C2C.Testing.ServiceBus;

namespace C2C.Testing;

/// <summary>The broker the corridor's nodes exchange through.</summary>
public enum CorridorBroker
{
    /// <summary>One RabbitMQ virtual host of the test's own, shared by the nodes.</summary>
    RabbitMq,

    /// <summary>A Service Bus namespace per country (the in-process endpoint), each holding that country's topic.</summary>
    ServiceBus,
}

/// <summary>
/// Country nodes as real processes on loopback ports, over a broker of the test's own (<see cref="CorridorBroker"/>)
/// and the shared Azurite (each node its own containers and tables). Engine work a killed node had taken comes back within seconds.
/// </summary>
public sealed class Corridor : IAsyncDisposable
{
    private readonly LocalStack _stack;
    private readonly Dictionary<string, CountryNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _overrides;
    private readonly IReadOnlyDictionary<string, Dictionary<string, string>> _nodeOverrides;
    private readonly CorridorBroker _brokerKind;
    private readonly Dictionary<string, ServiceBusNamespace> _namespaces = new(StringComparer.Ordinal);
    private BrokerVirtualHost? _broker;

    private Corridor(LocalStack stack, string[] countries, Dictionary<string, string> overrides, CorridorBroker broker,
        IReadOnlyDictionary<string, Dictionary<string, string>>? nodeOverrides)
    {
        _stack = stack;
        _overrides = overrides;
        _nodeOverrides = nodeOverrides ?? new Dictionary<string, Dictionary<string, string>>();
        _brokerKind = broker;
        Network = new TestNetwork(countries);
        Run = Guid.NewGuid().ToString("N")[..8];
    }

    public TestNetwork Network { get; }

    /// <summary>Unique per corridor: names the virtual host and the nodes' storage.</summary>
    public string Run { get; }

    public BrokerVirtualHost Broker => _broker ?? throw new InvalidOperationException("not started, or not over RabbitMQ");

    /// <summary>
    /// Over Service Bus: each namespace took messages on its own country's topic only, and nothing stays queued,
    /// locked or dead-lettered there (bounded wait: the last completion may still be on its way). Over RabbitMQ: nothing to check.
    /// </summary>
    public async Task AssertServiceBusDrainedAsync()
    {
        string? problem = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            problem = ServiceBusProblem();
            if (problem is null)
                return;
        }
        throw new InvalidOperationException(problem);
    }

    private string? ServiceBusProblem()
    {
        foreach (var (country, ns) in _namespaces)
        {
            if (ns.Sent.IsEmpty || ns.Sent.Any(s => s.Topic != C2C.Core.Ports.Topology.Topic(country)))
                return $"{country}'s namespace took [{string.Join(", ", ns.Sent.Select(s => s.Topic).Distinct())}]";
            foreach (var family in Enum.GetValues<C2C.Core.Messages.MessageFamily>())
            {
                var (subscription, dead) = (ns.Subscription(country, family), ns.DeadLetterQueue(country, family));
                if (subscription.Available + subscription.Locked + dead.Available > 0)
                    return $"{country} {family}: {subscription.Available + subscription.Locked} queued, {dead.Available} dead-lettered";
            }
        }
        return null;
    }

    public CorridorBroker BrokerKind => _brokerKind;

    /// <summary>Stops the broker under the running nodes and starts it again, messages kept (RabbitMQ: the local stack's; Service Bus: every namespace).</summary>
    public async Task RestartBrokerAsync()
    {
        if (_brokerKind == CorridorBroker.RabbitMq)
        {
            await Task.Run(_stack.RestartRabbitMq);
            return;
        }
        foreach (var ns in _namespaces.Values)
            ns.Stop();
        await Task.Delay(TimeSpan.FromSeconds(3)); // down for a while, as a failover is
        foreach (var ns in _namespaces.Values)
            ns.Start();
    }

    /// <summary>Over Service Bus: each country's namespace.</summary>
    public IReadOnlyDictionary<string, ServiceBusNamespace> Namespaces => _namespaces;

    public CountryNode this[string country] => _nodes[country];

    /// <param name="nodeOverrides">Settings of one node only, by country (after <paramref name="overrides"/>).</param>
    public static async Task<Corridor> StartAsync(LocalStack stack, string[] countries, Dictionary<string, string>? overrides = null, CorridorBroker broker = CorridorBroker.RabbitMq,
        IReadOnlyDictionary<string, Dictionary<string, string>>? nodeOverrides = null)
    {
        var corridor = new Corridor(stack, countries, overrides ?? [], broker, nodeOverrides);
        try
        {
            if (broker == CorridorBroker.ServiceBus)
            {
                foreach (var country in countries)
                    corridor._namespaces[country] = new ServiceBusNamespace().AddTopic(country);
            }
            else
            {
                corridor._broker = await BrokerVirtualHost.CreateAsync(stack, $"e2e-{corridor.Run}");
            }
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
        var settings = Network.Settings(country, _stack.StorageConnectionString, $"{country.ToLowerInvariant()}{Run}", _broker?.Uri);
        if (_brokerKind == CorridorBroker.ServiceBus)
            ServiceBusSettings(settings, country);
        // What a killed node's engine had taken comes back after this (5 min by default): the fault test kills nodes.
        settings["C2C:Engine:QueueVisibilityTimeout"] = "00:00:15";
        settings["Logging:LogLevel:Default"] = "Information";
        foreach (var (key, value) in _overrides.Concat(_nodeOverrides.GetValueOrDefault(country) ?? []))
            settings[key] = value;
        var process = new NodeProcess(country, FreePort.Next(), TestNetwork.AsEnvironment(settings), Path.Combine(RepoPaths.Root, "TestResults", "node-logs", Run));
        var node = new CountryNode(process, Network);
        lock (_nodes)
            _nodes[country] = node;
        await process.StartAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Standalone over Service Bus: our namespace to receive from, each partner's namespace to send to, a SAS key for each.</summary>
    private void ServiceBusSettings(Dictionary<string, string> settings, string country)
    {
        settings["C2C:Messaging:Provider"] = "ServiceBus";
        void Namespace(string prefix, ServiceBusNamespace ns)
        {
            foreach (var (key, value) in ns.NodeSettings(prefix))
                settings[key] = value;
        }
        Namespace("C2C:Messaging:ServiceBus", _namespaces[country]);
        foreach (var (partner, ns) in _namespaces.Where(n => n.Key != country))
            Namespace($"C2C:Messaging:ServiceBus:Destinations:{partner}", ns);
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
        foreach (var ns in _namespaces.Values)
            await ns.DisposeAsync();
        Network.Dispose();
    }
}
