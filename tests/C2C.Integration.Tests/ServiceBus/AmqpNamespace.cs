using System.Collections.Concurrent;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using C2C.Adapters.ServiceBus;
using C2C.Core.Messages;
using C2C.Testing;

namespace C2C.Integration.Tests.ServiceBus;

/// <summary>
/// An AMQP 1.0 endpoint on loopback (AMQPNetLite's ContainerHost) that answers like a Service Bus namespace at the
/// protocol level: topics accept sends and fan out to family subscriptions (the SQL filter on "family"),
/// subscriptions deliver unsettled with a delivery count and honour accepted / modified / released / rejected
/// outcomes (com.microsoft:dead-letter and MaxDeliveryCount move to the dead-letter list), $cbs answers put-token.
/// Everything the adapter puts on the wire is recorded for the tests to check.
/// </summary>
public sealed class AmqpNamespace : IDisposable
{
    public const string KeyName = "c2c-node";
    private readonly ContainerHost _host;
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);

    public AmqpNamespace(string? sasKey, int maxDeliveryCount = 3, int cbsStatus = 200)
    {
        Port = FreePort.Next();
        SasKey = sasKey;
        MaxDeliveryCount = maxDeliveryCount;
        CbsStatus = cbsStatus;
        _host = sasKey is null
            ? new ContainerHost(new Address($"amqp://127.0.0.1:{Port}"))
            : new ContainerHost(new Address($"amqp://{KeyName}:{sasKey}@127.0.0.1:{Port}")); // user info enables SASL PLAIN with these credentials
        if (sasKey is null)
            _host.Listeners[0].SASL.EnableAnonymousMechanism = true; // Entra ID: anonymous connection, tokens through $cbs
        _host.RegisterRequestProcessor(ServiceBusAddresses.Cbs, new CbsNode(this));
        _host.Open();
    }

    public int Port { get; }

    public string? SasKey { get; }

    public int MaxDeliveryCount { get; }

    public int CbsStatus { get; set; }

    /// <summary>When set, every send is refused with this error (e.g. quota exceeded).</summary>
    public Error? RefuseSends { get; set; }

    public ConcurrentQueue<(string Address, Message Message)> Sent { get; } = new();

    /// <summary>The client connections that sent (one per namespace and credential is expected).</summary>
    public ConcurrentDictionary<Connection, bool> SendingConnections { get; } = new();

    public ConcurrentQueue<(string Address, int DeliveryCount, Outcome Outcome)> Settlements { get; } = new();

    public ConcurrentQueue<(string Address, Message Message, Error? Error)> DeadLettered { get; } = new();

    public ConcurrentQueue<Message> CbsRequests { get; } = new();

    public ConcurrentQueue<string> AttachedSources { get; } = new();

    public ServiceBusOptions Options(Func<ServiceBusOptions, ServiceBusOptions>? edit = null)
    {
        var options = new ServiceBusOptions
        {
            FullyQualifiedNamespace = "127.0.0.1", Port = Port, UseTls = false,
            SasKeyName = SasKey is null ? null : KeyName, SasKey = SasKey,
            PrefetchCount = 4, MaxConcurrentDeliveries = 4, SendTimeout = TimeSpan.FromSeconds(5), MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
        };
        return edit is null ? options : edit(options);
    }

    /// <summary>This listener as the namespace of <paramref name="country"/>'s topic, with the credential it accepts.</summary>
    public ServiceBusDestination Destination(string country, Func<ServiceBusOptions, ServiceBusOptions>? edit = null) =>
        new(country, Options(edit).Validated());

    /// <summary>Creates the country's topic with one subscription per family (as Bicep does on Azure).</summary>
    public void AddTopic(string country)
    {
        var topic = ServiceBusAddresses.Topic(country);
        _host.RegisterMessageProcessor(topic, new Topic(this, topic));
        foreach (var family in Enum.GetValues<MessageFamily>())
        {
            var subscription = new Subscription(this, ServiceBusAddresses.Subscription(country, family));
            _subscriptions[subscription.Address] = subscription;
            _host.RegisterMessageSource(subscription.Address, subscription);
        }
    }

    /// <summary>Drops every connection that currently receives (as a namespace failover or a network cut would).</summary>
    public void DropReceivers()
    {
        foreach (var subscription in _subscriptions.Values)
            subscription.DropLinks();
    }

    public int Pending(string subscriptionAddress) => _subscriptions[subscriptionAddress].Pending;

    public void Dispose() => _host.Close();

    public abstract record Outcome;
    public sealed record CompletedOutcome : Outcome;
    public sealed record AbandonedOutcome(bool DeliveryFailed) : Outcome;
    public sealed record ReleasedOutcome : Outcome;
    public sealed record RejectedOutcome(Error? Error) : Outcome;

    private sealed class Topic(AmqpNamespace owner, string address) : IMessageProcessor
    {
        public int Credit => 100;

        public void Process(MessageContext messageContext)
        {
            if (owner.RefuseSends is { } refusal)
            {
                messageContext.Complete(refusal);
                return;
            }
            var message = messageContext.Message;
            owner.SendingConnections.TryAdd(messageContext.Link.Session.Connection, true);
            owner.Sent.Enqueue((address, message));
            var family = message.ApplicationProperties?["family"] as string;
            foreach (var subscription in owner._subscriptions.Values.Where(s => s.Address.StartsWith(address + "/", StringComparison.Ordinal)))
            {
                if (subscription.Address.EndsWith("/" + family?.ToLowerInvariant(), StringComparison.Ordinal))
                    subscription.Enqueue(Wire(message), 0);
            }
            messageContext.Complete();
        }
    }

    private static byte[] Wire(Message message)
    {
        var buffer = message.Encode();
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }

    /// <summary>Peek-lock subscription: a delivery stays locked until the receiver's disposition, or its link goes away.</summary>
    private sealed class Subscription(AmqpNamespace owner, string address) : IMessageSource
    {
        private readonly ConcurrentQueue<(byte[] Wire, int Count)> _queue = new();
        private readonly ConcurrentDictionary<Message, (byte[] Wire, int Count, ListenerLink Link)> _locked = new();
        private readonly ConcurrentDictionary<ListenerLink, bool> _links = new();

        public string Address => address;

        public int Pending => _queue.Count + _locked.Count;

        public void Enqueue(byte[] wire, int count) => _queue.Enqueue((wire, count));

        public async Task<ReceiveContext> GetMessageAsync(ListenerLink link)
        {
            if (_links.TryAdd(link, true))
            {
                owner.AttachedSources.Enqueue(address);
                link.AddClosedCallback((_, _) => Unlock(link));
            }
            for (var waited = 0; !link.IsClosed && waited < 600_000; waited += 20)
            {
                if (_queue.TryDequeue(out var next))
                {
                    var message = Message.Decode(new ByteBuffer(next.Wire, 0, next.Wire.Length, next.Wire.Length));
                    message.Header ??= new Header();
                    message.Header.DeliveryCount = (uint)next.Count;
                    _locked[message] = (next.Wire, next.Count, link);
                    return new ReceiveContext(link, message);
                }
                await Task.Delay(20);
            }
            return null!;
        }

        public void DisposeMessage(ReceiveContext receiveContext, DispositionContext dispositionContext)
        {
            if (_locked.TryRemove(receiveContext.Message, out var locked))
            {
                Outcome outcome = dispositionContext.DeliveryState switch
                {
                    Accepted => new CompletedOutcome(),
                    Modified modified => new AbandonedOutcome(modified.DeliveryFailed),
                    Rejected rejected => new RejectedOutcome(rejected.Error),
                    _ => new ReleasedOutcome(),
                };
                owner.Settlements.Enqueue((address, locked.Count + 1, outcome));
                switch (outcome)
                {
                    case RejectedOutcome rejected:
                        owner.DeadLettered.Enqueue((address, receiveContext.Message, rejected.Error));
                        break;
                    case AbandonedOutcome { DeliveryFailed: true } when locked.Count + 1 >= owner.MaxDeliveryCount:
                        owner.DeadLettered.Enqueue((address, receiveContext.Message, new Error(new Amqp.Types.Symbol("MaxDeliveryCountExceeded"))));
                        break;
                    case AbandonedOutcome abandoned:
                        Enqueue(locked.Wire, abandoned.DeliveryFailed ? locked.Count + 1 : locked.Count);
                        break;
                    case ReleasedOutcome:
                        Enqueue(locked.Wire, locked.Count);
                        break;
                }
            }
            dispositionContext.Complete();
        }

        public void DropLinks()
        {
            foreach (var link in _links.Keys)
            {
                Unlock(link); // first: a settlement racing the close finds the lock already lost, as on Service Bus
                link.Session.Connection.Close(TimeSpan.Zero, new Error(ErrorCode.ConnectionForced) { Description = "test: connection dropped" });
            }
        }

        /// <summary>The lock is lost with the link: the message is delivered again, counted (as when a lock expires).</summary>
        private void Unlock(ListenerLink link)
        {
            _links.TryRemove(link, out _);
            foreach (var (message, locked) in _locked.Where(l => ReferenceEquals(l.Value.Link, link)).ToList())
            {
                if (_locked.TryRemove(message, out _))
                    Enqueue(locked.Wire, locked.Count + 1);
            }
        }
    }

    private sealed class CbsNode(AmqpNamespace owner) : IRequestProcessor
    {
        public int Credit => 10;

        public void Process(RequestContext requestContext)
        {
            owner.CbsRequests.Enqueue(requestContext.Message);
            var response = new Message { ApplicationProperties = new ApplicationProperties() };
            response.ApplicationProperties["status-code"] = owner.CbsStatus;
            response.ApplicationProperties["status-description"] = owner.CbsStatus == 200 ? "OK" : "Unauthorized";
            requestContext.Complete(response);
        }
    }
}
