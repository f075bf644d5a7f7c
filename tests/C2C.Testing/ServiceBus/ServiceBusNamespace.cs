using System.Collections.Concurrent;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;
using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Testing.ServiceBus;

/// <summary>
/// A Service Bus namespace in the test process, speaking AMQP 1.0 on a loopback port (AMQPNetLite ContainerHost)
/// closely enough for the Azure.Messaging.ServiceBus SDK's real code path: SASL MSSBCBS, SAS tokens put to $cbs and
/// checked against the key, topics with one subscription per message family (the "family" filter, as Bicep declares),
/// max-message-size on attach, duplicate detection on MessageId, peek-lock deliveries, complete / abandon / dead-letter,
/// MaxDeliveryCount, renew-lock through $management, lock expiry. Not Azure: no partitions, sessions, transactions,
/// scheduling or deferral, and a lock is lost with its link at once (Azure waits for it to expire). It can be stopped
/// and started again on the same port, keeping its messages, to test reconnection under load.
/// </summary>
public sealed class ServiceBusNamespace : IAsyncDisposable
{
    public const string KeyName = "c2c-test";
    private readonly Dictionary<string, TopicEntity> _topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SubscriptionQueue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Timer _lockClock;
    private ContainerHost? _host;
    private long _sequence;

    public ServiceBusNamespace(int maxMessageBytes = 256 * 1024, int maxDeliveryCount = 10, TimeSpan? lockDuration = null)
    {
        Port = FreePort.Next();
        Key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        MaxMessageBytes = maxMessageBytes;
        MaxDeliveryCount = maxDeliveryCount;
        LockDuration = lockDuration ?? TimeSpan.FromSeconds(30);
        _lockClock = new Timer(_ => ExpireLocks(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        Start();
    }

    public int Port { get; }

    /// <summary>The namespace's shared access key (rule <see cref="KeyName"/>).</summary>
    public string Key { get; }

    public int MaxMessageBytes { get; }

    public int MaxDeliveryCount { get; }

    public TimeSpan LockDuration { get; }

    /// <summary>The host name a client configures: the SDK opens plain AMQP on <see cref="Port"/> (development emulator mode).</summary>
    public string FullyQualifiedNamespace => $"127.0.0.1:{Port}";

    public string ConnectionString => $"Endpoint=sb://127.0.0.1:{Port}/;SharedAccessKeyName={KeyName};SharedAccessKey={Key};UseDevelopmentEmulator=true";

    /// <summary>
    /// A node's settings to reach this namespace under <paramref name="prefix"/> (its own, C2C:Messaging:ServiceBus, or a
    /// partner's destination, C2C:Messaging:ServiceBus:Destinations:{CC}): plain AMQP on loopback with the SAS key.
    /// </summary>
    public IEnumerable<(string Key, string Value)> NodeSettings(string prefix) =>
    [
        ($"{prefix}:FullyQualifiedNamespace", "127.0.0.1"),
        ($"{prefix}:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ($"{prefix}:UseTls", "false"),
        ($"{prefix}:SasKeyName", KeyName),
        ($"{prefix}:SasKey", Key),
    ];

    /// <summary>When set, every send is refused with this error (e.g. com.microsoft:server-busy, amqp:resource-limit-exceeded).</summary>
    public Error? RefuseSends { get; set; }

    public bool IsRunning => _host is not null;

    internal object Gate { get; } = new();

    public ConcurrentQueue<(string Topic, string? MessageId)> Sent { get; } = new();

    public ConcurrentQueue<Settlement> Settlements { get; } = new();

    public ConcurrentQueue<string> TokenAudiences { get; } = new();

    internal long NextSequenceNumber() => Interlocked.Increment(ref _sequence);

    internal void Record(Settlement settlement) => Settlements.Enqueue(settlement);

    /// <summary>Creates the country's topic with one subscription per message family (as the Bicep template does).</summary>
    public ServiceBusNamespace AddTopic(string country)
    {
        lock (Gate)
        {
            var topic = new TopicEntity(this, Topology.Topic(country));
            foreach (var family in Enum.GetValues<MessageFamily>())
            {
                var path = $"{topic.Path}/Subscriptions/{Topology.Subscription(family)}";
                var deadLetters = new SubscriptionQueue(this, $"{path}/$DeadLetterQueue", null, null);
                var subscription = new SubscriptionQueue(this, path, family.ToString(), deadLetters);
                topic.Subscriptions.Add(subscription);
                _queues[subscription.Path] = subscription;
                _queues[deadLetters.Path] = deadLetters;
            }
            _topics[topic.Path] = topic;
        }
        if (_host is not null)
        {
            Stop(); // request processors are registered when the host is built
            Start();
        }
        return this;
    }

    public bool HasTopic(string country) { lock (Gate) return _topics.ContainsKey(Topology.Topic(country)); }

    public SubscriptionQueue Subscription(string country, MessageFamily family) => _queues[$"{Topology.Topic(country)}/Subscriptions/{Topology.Subscription(family)}"];

    public SubscriptionQueue DeadLetterQueue(string country, MessageFamily family) => Subscription(country, family).DeadLetters!;

    internal TopicEntity? FindTopic(string path) { lock (Gate) return _topics.GetValueOrDefault(path); }

    internal SubscriptionQueue? FindQueue(string path) { lock (Gate) return _queues.GetValueOrDefault(path); }

    /// <summary>Opens the listener (again, after <see cref="Stop"/>): same port, same messages.</summary>
    public void Start()
    {
        if (_host is not null)
            return;
        var host = new ContainerHost(new Address($"amqp://127.0.0.1:{Port}"))
        {
            // The SDK attaches to "/c2c.tg/Subscriptions/transit"; entity names are case-insensitive on Service Bus.
            AddressResolver = (_, attach) => NamespaceLinks.EntityPath(attach),
        };
        host.Listeners[0].SASL.EnableMechanism(new Symbol("MSSBCBS"), Amqp.Sasl.SaslProfile.Anonymous); // the SDK's CBS-only SASL: tokens come through $cbs
        host.Listeners[0].HandlerFactory = _ => new LockTokenTags();
        host.RegisterRequestProcessor("$cbs", new CbsNode(this));
        foreach (var path in _queues.Keys)
            host.RegisterRequestProcessor(NamespaceLinks.Normalize($"{path}/$management"), new ManagementNode(this, _queues[path]));
        host.RegisterLinkProcessor(new NamespaceLinks(this));
        // A port just closed can be refused for a moment: bounded retries.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                host.Open();
                break;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
        _host = host;
    }

    /// <summary>Closes the listener and every connection (as a namespace failover or network cut would); messages stay.</summary>
    public void Stop()
    {
        var host = Interlocked.Exchange(ref _host, null);
        host?.Close();
        // A closed connection does not always close its links' callbacks in time: no delivery may go to a link that is gone.
        List<SubscriptionQueue> queues;
        lock (Gate)
            queues = [.. _queues.Values];
        foreach (var queue in queues)
            queue.DetachAll();
    }

    private void ExpireLocks()
    {
        List<SubscriptionQueue> queues;
        lock (Gate)
            queues = [.. _queues.Values];
        foreach (var queue in queues)
            queue.ExpireLocks(DateTime.UtcNow);
    }

    public async ValueTask DisposeAsync()
    {
        await _lockClock.DisposeAsync();
        Stop();
    }
}

/// <summary>A topic: takes sends (single or batched), drops a MessageId it has seen (duplicate detection), fans out to its subscriptions by filter.</summary>
internal sealed class TopicEntity(ServiceBusNamespace owner, string path)
{
    private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);

    public string Path => path;

    public List<SubscriptionQueue> Subscriptions { get; } = [];

    public void Accept(Message message, byte[] wire)
    {
        var id = message.Properties?.MessageId;
        owner.Sent.Enqueue((path, id));
        lock (owner.Gate)
        {
            if (id is not null && !_seenIds.Add(id))
                return; // duplicate detection: the replay is accepted and dropped
            foreach (var subscription in Subscriptions.Where(s => s.Accepts(message)))
                subscription.Enqueue(new StoredMessage(owner.NextSequenceNumber(), wire, DateTime.UtcNow));
        }
    }
}
