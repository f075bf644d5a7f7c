using C2C.Core.Messages;
using C2C.Core.Ports;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace C2C.Adapters.RabbitMq;

/// <summary>
/// Consumes one family queue of this node's exchange with manual acknowledgement (the peek-lock of Service Bus):
/// a delivery is acknowledged only after the handler's outcome, so a crash or a lost connection redelivers it.
/// Reconnects with bounded backoff until cancelled.
/// </summary>
public sealed class RabbitMqConsumer(RabbitMqConnections connections, Action<string, Exception?>? onProblem = null) : IMessageConsumer
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(string country, MessageFamily family, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken cancellationToken,
        Action<bool>? subscribed = null)
    {
        var delay = FirstRetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeUntilClosedAsync(country, family, handler, () =>
                {
                    delay = FirstRetryDelay;
                    subscribed?.Invoke(true);
                }, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                subscribed?.Invoke(false);
                onProblem?.Invoke($"{RabbitMqNames.Queue(country, family)}: consumer failed, reconnecting in {delay.TotalSeconds:0.##} s", e);
            }
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, connections.Options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task ConsumeUntilClosedAsync(string country, MessageFamily family, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler,
        Action connected, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync($"consume-{Topology.Subscription(family)}", cancellationToken);
        try
        {
            // Confirms on the consuming channel too: a dead-lettered copy must be safe before the original is acknowledged.
            await using var channel = await RabbitMqConnections.ConfirmingChannelAsync(connection, cancellationToken, connections.Options.MaxConcurrentDeliveries);
            await RabbitMqTopology.DeclareInboundAsync(channel, country, family, connections.Options.DeliveryLimit, cancellationToken);
            await channel.BasicQosAsync(0, connections.Options.Prefetch, global: false, cancellationToken);

            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            channel.ChannelShutdownAsync += (_, _) =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => SettleAsync(channel, country, delivery, handler, cancellationToken);
            await channel.BasicConsumeAsync(RabbitMqNames.Queue(country, family), autoAck: false, consumer, cancellationToken);
            connected();
            await closed.Task.WaitAsync(cancellationToken);
            throw new InvalidOperationException($"channel closed: {channel.CloseReason?.ReplyText ?? connection.CloseReason?.ReplyText ?? "unknown reason"}");
        }
        finally
        {
            await RabbitMqConnections.CloseQuietlyAsync(connection);
        }
    }

    private async Task SettleAsync(IChannel channel, string country, BasicDeliverEventArgs args, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken cancellationToken)
    {
        DeliveryOutcome outcome;
        var deliveryCount = 1;
        try
        {
            var delivery = RabbitMqProperties.ToDelivery(args.BasicProperties, args.Body, args.Redelivered);
            deliveryCount = delivery.DeliveryCount;
            outcome = await handler(delivery, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            onProblem?.Invoke($"{RabbitMqNames.Exchange(country)} {args.RoutingKey} {args.BasicProperties.MessageId}: unreadable envelope, dead-lettered: {e.Message}", e);
            C2C.Core.Telemetry.ExchangeTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>("reason", "UnreadableEnvelope"));
            outcome = DeliveryOutcome.DeadLetter("UnreadableEnvelope", e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            onProblem?.Invoke($"{args.BasicProperties.MessageId}: handler failed, returned to the queue", e);
            outcome = DeliveryOutcome.Abandon;
        }
        catch (OperationCanceledException)
        {
            return; // shutting down: unacknowledged, the broker redelivers it to the next consumer
        }

        switch (outcome)
        {
            case DeliveryOutcome.CompleteOutcome:
                await channel.BasicAckAsync(args.DeliveryTag, multiple: false, CancellationToken.None);
                break;
            case DeliveryOutcome.DeadLetterOutcome dead:
                await DeadLetterAsync(channel, country, args, dead, cancellationToken);
                await channel.BasicAckAsync(args.DeliveryTag, multiple: false, CancellationToken.None);
                break;
            default:
                // Back to the queue after a pause; the quorum queue counts it and dead-letters it at the delivery limit.
                try
                {
                    await Task.Delay(DeliveryOutcome.RetryDelay(deliveryCount), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return; // shutting down: unacknowledged, the broker redelivers it
                }
                await channel.BasicNackAsync(args.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                break;
        }
    }

    /// <summary>
    /// RabbitMQ's own dead-lettering records only "rejected"; to keep the handler's reason (as Service Bus
    /// DeadLetterReason does) the copy is published to the DLX with the reason in its headers, then the original is acknowledged.
    /// </summary>
    private static async Task DeadLetterAsync(IChannel channel, string country, BasicDeliverEventArgs args, DeliveryOutcome.DeadLetterOutcome dead, CancellationToken cancellationToken)
    {
        var headers = args.BasicProperties.Headers is { } original ? new Dictionary<string, object?>(original) : [];
        headers[RabbitMqProperties.DeadLetterReason] = dead.Reason;
        headers[RabbitMqProperties.DeadLetterDescription] = dead.Description;
        var properties = new BasicProperties(args.BasicProperties) { Headers = headers, Persistent = true };
        await channel.BasicPublishAsync(RabbitMqNames.DeadLetterExchange(country), args.RoutingKey, mandatory: true, properties, args.Body, cancellationToken);
    }
}
