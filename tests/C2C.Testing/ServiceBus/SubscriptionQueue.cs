using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace C2C.Testing.ServiceBus;

/// <summary>
/// A subscription (or its $DeadLetterQueue) in peek-lock mode, as Service Bus runs one: deliveries in sequence order,
/// each under a lock (its token is the 16-byte delivery tag) until the receiver completes, abandons (failed delivery,
/// counted; at MaxDeliveryCount the message is dead-lettered) or dead-letters it, or until the lock expires or its
/// link goes (then it counts as a failed delivery too). State outlives the namespace's listener (restarts).
/// </summary>
public sealed class SubscriptionQueue(ServiceBusNamespace owner, string path, string? family, SubscriptionQueue? deadLetters)
{
    private readonly SortedDictionary<long, StoredMessage> _available = [];
    private readonly Dictionary<Guid, (StoredMessage Message, ListenerLink Link, DateTime Until)> _locked = [];
    private readonly Dictionary<Message, Guid> _tokens = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ListenerLink, int> _credit = [];

    public string Path => path;

    /// <summary>The SQL filter of our subscriptions, "family = '{Family}'"; null takes everything (dead-letter queue).</summary>
    public string? Family => family;

    public SubscriptionQueue? DeadLetters => deadLetters;

    private object Gate => owner.Gate;

    public int Available { get { lock (Gate) return _available.Count; } }

    public int Locked { get { lock (Gate) return _locked.Count; } }

    public IReadOnlyList<StoredMessage> Snapshot() { lock (Gate) return [.. _available.Values, .. _locked.Values.Select(l => l.Message)]; }

    public bool Accepts(Message message) =>
        family is null || string.Equals(message.ApplicationProperties?.Map.ContainsKey("family") == true ? message.ApplicationProperties["family"] as string : null, family, StringComparison.OrdinalIgnoreCase);

    public void Enqueue(StoredMessage message)
    {
        lock (Gate)
        {
            _available[message.SequenceNumber] = message;
            PumpAll();
        }
    }

    public void Attach(ListenerLink link)
    {
        lock (Gate)
            _credit[link] = 0;
        link.AddClosedCallback((_, _) => Detach(link));
    }

    public void OnFlow(FlowContext flow)
    {
        lock (Gate)
        {
            if (!_credit.TryGetValue(flow.Link, out var credit))
                return;
            // ListenerLink gives the credit change; zero or less means the receiver took its credit back.
            _credit[flow.Link] = flow.Messages > 0 ? credit + flow.Messages : flow.Link.IsDraining ? credit : 0;
            Pump(flow.Link);
            if (flow.Link.IsDraining)
            {
                _credit[flow.Link] = 0;
                flow.Link.CompleteDrain();
            }
        }
    }

    /// <summary>The receiver's outcome: accepted = complete, modified = abandon, rejected com.microsoft:dead-letter = dead-letter, released = unlock.</summary>
    public void OnDisposition(DispositionContext disposition)
    {
        lock (Gate)
        {
            if (!_tokens.Remove(disposition.Message, out var token) || !_locked.Remove(token, out var locked))
            {
                disposition.Complete(new Error(new Symbol("com.microsoft:message-lock-lost")) { Description = "the lock expired or its link was closed" });
                return;
            }
            owner.Record(new Settlement(path, locked.Message.MessageId, locked.Message.FailedDeliveries + 1, disposition.DeliveryState?.GetType().Name ?? "none"));
            switch (disposition.DeliveryState)
            {
                case Accepted:
                    break;
                case Modified:
                    // Abandon: Service Bus counts it as a failed delivery whatever the modified outcome's flags say.
                    FailedDelivery(locked.Message);
                    break;
                case Rejected rejected:
                    var info = rejected.Error?.Info;
                    DeadLetter(locked.Message, Text(info, "DeadLetterReason") ?? rejected.Error?.Condition.ToString() ?? "Rejected",
                        Text(info, "DeadLetterErrorDescription") ?? rejected.Error?.Description ?? "");
                    break;
                default: // released: unlocked, not counted
                    _available[locked.Message.SequenceNumber] = locked.Message;
                    break;
            }
            disposition.Complete();
            PumpAll();
        }
    }

    /// <summary>com.microsoft:renew-lock: new expiry for each token still locked; null when one is lost.</summary>
    public DateTime[]? Renew(IEnumerable<Guid> tokens)
    {
        lock (Gate)
        {
            var expirations = new List<DateTime>();
            foreach (var token in tokens)
            {
                if (!_locked.TryGetValue(token, out var locked))
                    return null;
                var until = DateTime.UtcNow + owner.LockDuration;
                _locked[token] = locked with { Until = until };
                expirations.Add(until);
            }
            owner.Record(new Settlement(path, null, 0, "renew-lock"));
            return [.. expirations];
        }
    }

    /// <summary>Locks past their expiry are lost: the message comes back, counted as a failed delivery.</summary>
    public void ExpireLocks(DateTime now)
    {
        lock (Gate)
        {
            foreach (var (token, locked) in _locked.Where(l => l.Value.Until < now).ToList())
            {
                _locked.Remove(token);
                FailedDelivery(locked.Message);
            }
            PumpAll();
        }
    }

    /// <summary>
    /// The listener stopped: every receiver is gone, whether or not its link got to report it. All links go first,
    /// then their locks: detaching them one by one would hand each released message to the next dead link and count
    /// it again there (seen under load: a message dead-lettered at MaxDeliveryCount by one restart).
    /// </summary>
    public void DetachAll()
    {
        lock (Gate)
        {
            _credit.Clear();
            foreach (var (token, locked) in _locked.ToList())
            {
                _locked.Remove(token);
                FailedDelivery(locked.Message);
            }
        }
    }

    private void Detach(ListenerLink link)
    {
        lock (Gate)
        {
            _credit.Remove(link);
            // The lock goes with the link here (Service Bus keeps it until it expires): same outcome, sooner.
            foreach (var (token, locked) in _locked.Where(l => ReferenceEquals(l.Value.Link, link)).ToList())
            {
                _locked.Remove(token);
                FailedDelivery(locked.Message);
            }
            PumpAll();
        }
    }

    private void FailedDelivery(StoredMessage message)
    {
        var failed = message with { FailedDeliveries = message.FailedDeliveries + 1 };
        if (deadLetters is not null && failed.FailedDeliveries >= owner.MaxDeliveryCount)
            DeadLetter(failed, "MaxDeliveryCountExceeded", $"Message could not be consumed after {owner.MaxDeliveryCount} delivery attempts.");
        else
            _available[failed.SequenceNumber] = failed;
    }

    private void DeadLetter(StoredMessage message, string reason, string description)
    {
        if (deadLetters is null)
            return; // dead-lettering from the dead-letter queue removes the message, as Service Bus does
        deadLetters.Enqueue(message.DeadLettered(owner.NextSequenceNumber(), reason, description));
    }

    private void PumpAll()
    {
        foreach (var link in _credit.Keys.ToList())
            Pump(link);
    }

    private void Pump(ListenerLink link)
    {
        while (_credit.GetValueOrDefault(link) > 0 && _available.Count > 0 && !link.IsClosed)
        {
            var (sequence, stored) = _available.First();
            _available.Remove(sequence);
            var token = Guid.NewGuid();
            var until = DateTime.UtcNow + owner.LockDuration;
            var message = stored.ForDelivery(token, until);
            _locked[token] = (stored, link, until);
            _tokens[message] = token;
            _credit[link]--;
            try
            {
                link.SendMessage(message);
            }
            catch (AmqpException)
            {
                _locked.Remove(token);
                _tokens.Remove(message);
                _available[sequence] = stored;
                return;
            }
        }
    }

    private static string? Text(Fields? fields, string name) =>
        fields is not null && fields.TryGetValue(new Symbol(name), out var value) ? value?.ToString() : null;
}

/// <summary>What a receiver did with a delivery (or a renew-lock), for tests to check.</summary>
public sealed record Settlement(string Path, string? MessageId, int DeliveryCount, string Outcome);
