using System.Collections.Concurrent;
using System.Diagnostics;
using C2C.Adapters.RabbitMq;
using C2C.Adapters.ServiceBus;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;
using C2C.Testing.ServiceBus;

namespace C2C.Bench.Brokers;

/// <summary>
/// Publish → consume through each messaging adapter on the same machine, in one run: the adapter's publisher
/// (confirmed sends, <c>concurrency</c> at a time, one movement each) and its consumer (8 deliveries at a time, complete) on one family
/// subscription. RabbitMQ is the local stack's broker; Service Bus is the in-process test endpoint, which is not Azure
/// (no network, no replication, no disk) and shares this process's CPU.
/// </summary>
public static class BrokerRun
{

    /// <param name="OutOfOrder">Deliveries that reached the handler after a later message of the same movement (published in order, one movement per publisher).</param>
    public sealed record Result(string Adapter, int Count, TimeSpan PublishWall, TimeSpan EndToEndWall, List<double> LatencyMs, int OutOfOrder)
    {
        public double PublishedPerSecond => Count / PublishWall.TotalSeconds;

        public double ConsumedPerSecond => Count / EndToEndWall.TotalSeconds;
    }

    public static async Task<Result> RabbitMqAsync(LocalStack stack, int count, int concurrency)
    {
        await using var vhost = await BrokerVirtualHost.CreateAsync(stack, $"bench-{Guid.NewGuid():N}");
        var connections = new RabbitMqConnections(new RabbitMqOptions { Uri = vhost.Uri, MaxConcurrentDeliveries = 8, Prefetch = 16 });
        await using var publisher = new RabbitMqPublisher(connections);
        return await MeasureAsync("RabbitMQ (local broker, RabbitMQ.Client)", publisher, new RabbitMqConsumer(connections), count, concurrency);
    }

    public static async Task<Result> ServiceBusAsync(int count, int concurrency)
    {
        await using var ns = new ServiceBusNamespace().AddTopic("QB");
        var options = new ServiceBusOptions
        {
            FullyQualifiedNamespace = "127.0.0.1", Port = ns.Port, UseTls = false, SasKeyName = ServiceBusNamespace.KeyName, SasKey = ns.Key,
            MaxConcurrentDeliveries = 8, PrefetchCount = 16,
        }.Validated();
        await using var publisher = new ServiceBusPublisher(new ServiceBusDestinations([new ServiceBusDestination("QB", options)]));
        await using var consumer = new ServiceBusConsumer(options);
        return await MeasureAsync("Service Bus SDK → in-process test endpoint (not Azure)", publisher, consumer, count, concurrency);
    }

    private static async Task<Result> MeasureAsync(string adapter, IMessagePublisher publisher, IMessageConsumer consumer, int count, int concurrency)
    {
        var body = Samples.Bytes("IE015-TransitDeclaration");
        var sentAt = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastPerMovement = new ConcurrentDictionary<string, int>();
        var outOfOrder = 0;
        using var stop = new CancellationTokenSource();
        var consuming = Task.Run(() => consumer.RunAsync("QB", MessageFamily.Transit, (delivery, _) =>
        {
            if (sentAt.TryGetValue(delivery.Message.MessageId, out var start) && latencies.Count < count)
            {
                var index = int.Parse(delivery.Message.MessageId["bench-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                if (lastPerMovement.AddOrUpdate(delivery.Message.MovementReference!, index, (_, last) => Math.Max(last, index)) != index)
                    Interlocked.Increment(ref outOfOrder);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (latencies.Count == count)
                    done.TrySetResult();
            }
            return Task.FromResult(DeliveryOutcome.Complete);
        }, stop.Token));

        // Warm-up: connections, links and the topology (RabbitMQ: the consumer declares it) before the clock starts.
        await PublishUntilAcceptedAsync(publisher, new BusMessage("warm-up", null, "IE015", MessageFamily.Transit, "TG", "QB", body));
        var clock = Stopwatch.StartNew();
        // One publisher per movement, each publishing its movement's messages one after the other (as the outbox does):
        // any message reaching the handler after a later one of its movement was reordered on the receiving side.
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(movement => Task.Run(async () =>
        {
            for (var i = movement; i < count; i += concurrency)
            {
                var id = $"bench-{i}";
                sentAt[id] = Stopwatch.GetTimestamp();
                await publisher.PublishAsync(new BusMessage(id, null, "IE015", MessageFamily.Transit, "TG", "QB", body, MovementReference: $"m{movement}"), CancellationToken.None);
            }
        })));
        var published = clock.Elapsed;
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var endToEnd = clock.Elapsed;
        await stop.CancelAsync();
        await consuming;
        return new Result(adapter, count, published, endToEnd, [.. latencies.Order()], outOfOrder);
    }

    /// <summary>Until the receiving side has its topology (bounded).</summary>
    private static async Task PublishUntilAcceptedAsync(IMessagePublisher publisher, BusMessage message)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await publisher.PublishAsync(message, CancellationToken.None);
                return;
            }
            catch (Exception) when (attempt < 100) // RabbitMQ: no exchange until the consumer declared it
            {
                await Task.Delay(100);
            }
        }
    }
}
