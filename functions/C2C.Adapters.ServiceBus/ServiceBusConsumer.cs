using Amqp;
using Amqp.Framing;
using Amqp.Types;
using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Receives one family subscription in peek-lock mode: the broker keeps each delivery locked until the handler's
/// outcome settles it (accepted = complete; modified with delivery-failed = abandon, counted towards
/// MaxDeliveryCount; rejected with com.microsoft:dead-letter = dead-letter with reason). Reconnects with bounded backoff.
/// </summary>
public sealed class ServiceBusConsumer(ServiceBusConnection connection, Action<string, Exception?>? onProblem = null) : IMessageConsumer
{
    public static readonly Symbol DeadLetterCondition = new("com.microsoft:dead-letter");
    public static readonly Symbol DeadLetterReason = new("DeadLetterReason");
    public static readonly Symbol DeadLetterDescription = new("DeadLetterErrorDescription");
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(1);

    public async Task RunAsync(string country, MessageFamily family, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken cancellationToken,
        Action<bool>? subscribed = null)
    {
        var address = ServiceBusAddresses.Subscription(country, family);
        var delay = FirstRetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ReceiveUntilClosedAsync(address, handler, () =>
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
                onProblem?.Invoke($"{address}: receiver failed, reconnecting in {delay.TotalSeconds:0.##} s", e);
            }
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, connection.Options.MaxReconnectDelay.Ticks));
        }
    }

    private async Task ReceiveUntilClosedAsync(string address, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler, Action connected, CancellationToken cancellationToken)
    {
        var amqp = await connection.OpenAsync(cancellationToken);
        await connection.AuthorizeAsync(amqp, address, cancellationToken);
        var session = new Session(amqp);
        using var slots = new SemaphoreSlim(connection.Options.MaxConcurrentDeliveries);
        var inFlight = new List<Task>();
        try
        {
            var attach = new Attach
            {
                Source = new Source { Address = address },
                Target = new Target(),
                SndSettleMode = SenderSettleMode.Unsettled, // peek-lock: nothing is settled before our outcome
                RcvSettleMode = ReceiverSettleMode.First,
            };
            var receiver = new ReceiverLink(session, $"c2c-receive-{address}-{Guid.NewGuid():N}", attach, null);
            receiver.SetCredit(connection.Options.PrefetchCount, autoRestore: true);
            connected();
            while (!cancellationToken.IsCancellationRequested)
            {
                if (receiver.IsClosed || amqp.IsClosed)
                    throw new InvalidOperationException($"link closed: {receiver.Error?.Condition ?? amqp.Error?.Condition} {receiver.Error?.Description ?? amqp.Error?.Description}");
                await connection.AuthorizeAsync(amqp, address, cancellationToken); // renews the token before it expires
                var message = await receiver.ReceiveAsync(ReceiveWait);
                inFlight.RemoveAll(t => t.IsCompleted);
                if (message is null)
                    continue;
                await slots.WaitAsync(cancellationToken);
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        await SettleAsync(receiver, message, handler, cancellationToken);
                    }
                    catch (Exception e) when (e is AmqpException or ObjectDisposedException or InvalidOperationException)
                    {
                        // The link went while this delivery was handled: its lock is lost, Service Bus delivers it again.
                        onProblem?.Invoke($"{message.Properties?.MessageId}: not settled, the link closed", e);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (AmqpException)
        {
            await connection.ResetAsync(amqp);
            throw;
        }
        finally
        {
            await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            await ServiceBusConnection.CloseQuietlyAsync(session);
        }
    }

    private async Task SettleAsync(ReceiverLink receiver, Message message, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken cancellationToken)
    {
        DeliveryOutcome outcome;
        var deliveryCount = 1;
        try
        {
            var delivery = ServiceBusMessages.ToDelivery(message);
            deliveryCount = delivery.DeliveryCount;
            outcome = await handler(delivery, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            outcome = DeliveryOutcome.DeadLetter("UnreadableEnvelope", e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            onProblem?.Invoke($"{message.Properties?.MessageId}: handler failed, abandoned", e);
            outcome = DeliveryOutcome.Abandon;
        }
        catch (OperationCanceledException)
        {
            receiver.Release(message); // shutting down: unlocked at once, not counted as a failed delivery
            return;
        }

        switch (outcome)
        {
            case DeliveryOutcome.CompleteOutcome:
                receiver.Accept(message);
                break;
            case DeliveryOutcome.DeadLetterOutcome dead:
                receiver.Reject(message, new Error(DeadLetterCondition)
                {
                    Description = dead.Description,
                    Info = new Fields { { DeadLetterReason, dead.Reason }, { DeadLetterDescription, dead.Description } },
                });
                break;
            default:
                // Given back after a pause (still locked meanwhile), so an outage does not use up MaxDeliveryCount at once.
                try
                {
                    await Task.Delay(DeliveryOutcome.RetryDelay(deliveryCount), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    receiver.Release(message);
                    return;
                }
                receiver.Modify(message, deliveryFailed: true, undeliverableHere: false);
                break;
        }
    }
}
