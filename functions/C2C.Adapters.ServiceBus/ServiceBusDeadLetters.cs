using Azure.Messaging.ServiceBus;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Telemetry;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// A family subscription's dead-letter sub-queue ($DeadLetterQueue) in our own namespace: deliveries are received in
/// peek-lock mode until the queue has no more for us (each stays locked, so none comes twice), then each is completed
/// (removed) or abandoned (kept; Service Bus never dead-letters from a dead-letter queue). Reason and description are
/// Service Bus's own DeadLetterReason and DeadLetterErrorDescription.
/// </summary>
public sealed class ServiceBusDeadLetters(ServiceBusConsumer consumer) : IDeadLetterQueue
{
    /// <summary>How long an empty receive waits before the pass takes the queue as drained for us.</summary>
    private static readonly TimeSpan EmptyWait = TimeSpan.FromSeconds(1);

    public async Task<int> SweepAsync(string country, MessageFamily family, int max, Func<DeadLetter, CancellationToken, Task<bool>> settle, CancellationToken cancellationToken)
    {
        await using var receiver = consumer.Client.CreateReceiver(Topology.Topic(country), Topology.Subscription(family), new ServiceBusReceiverOptions
        {
            SubQueue = SubQueue.DeadLetter,
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            PrefetchCount = 0,
        });
        var taken = new List<ServiceBusReceivedMessage>();
        while (taken.Count < max)
        {
            var batch = await ExchangeTelemetry.TimeAsync(ExchangeTelemetry.BrokerDuration, "deadletter.receive",
                () => receiver.ReceiveMessagesAsync(max - taken.Count, EmptyWait, cancellationToken));
            if (batch.Count == 0)
                break;
            taken.AddRange(batch);
        }
        var settled = new HashSet<ServiceBusReceivedMessage>(ReferenceEqualityComparer.Instance);
        try
        {
            foreach (var received in taken)
            {
                var remove = await settle(Letter(received, family), cancellationToken);
                if (remove)
                    await receiver.CompleteMessageAsync(received, CancellationToken.None);
                else
                    await receiver.AbandonMessageAsync(received, cancellationToken: CancellationToken.None);
                settled.Add(received);
            }
        }
        finally
        {
            foreach (var received in taken.Where(r => !settled.Contains(r)))
                await receiver.AbandonMessageAsync(received, cancellationToken: CancellationToken.None);
        }
        return taken.Count;
    }

    private static DeadLetter Letter(ServiceBusReceivedMessage received, MessageFamily family)
    {
        var reason = received.DeadLetterReason ?? "Rejected";
        var description = received.DeadLetterErrorDescription ?? "";
        try
        {
            return new DeadLetter(ServiceBusMessages.ToDelivery(received).Message, reason, description, received.EnqueuedTime);
        }
        catch (InvalidDataException)
        {
            return new DeadLetter(new BusMessage(received.MessageId ?? "", null, received.Subject ?? "", family, "", "", received.Body.ToMemory()),
                reason, description, received.EnqueuedTime, Readable: false);
        }
    }
}
