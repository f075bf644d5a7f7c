using Azure.Messaging.ServiceBus;
using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Receives one family subscription of our topic with the SDK's <see cref="ServiceBusProcessor"/> in peek-lock mode:
/// nothing is settled before the handler's outcome (complete; abandon, counted towards MaxDeliveryCount, after the
/// port's retry pause; dead-letter with reason and description). The processor renews the lock while the handler
/// works (up to <see cref="ServiceBusOptions.MaxLockRenewal"/>), reconnects and retries by itself; its errors are
/// reported, never thrown, so a missing subscription or an outage is no crash loop.
/// </summary>
public sealed class ServiceBusConsumer(ServiceBusOptions options, ProblemReport? onProblem = null) : IMessageConsumer, IAsyncDisposable
{
    /// <summary>Service Bus keeps at most 4096 characters of a dead-letter reason or description.</summary>
    private const int MaxDeadLetterText = 4096;

    private readonly Lazy<ServiceBusClient> _client = new(options.CreateClient);

    public ServiceBusOptions Options => options;

    /// <summary>The client on our own namespace (also what the dead-letter queues are read with).</summary>
    public ServiceBusClient Client => _client.Value;

    /// <remarks>
    /// Subscribed once the processor has started; not while it reports that the subscription is missing or our
    /// credential is refused; again as soon as a message arrives.
    /// </remarks>
    public async Task RunAsync(string country, MessageFamily family, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken cancellationToken,
        Action<bool>? subscribed = null)
    {
        var entity = $"{Topology.Topic(country)}/{Topology.Subscription(family)}";
        await using var processor = _client.Value.CreateProcessor(Topology.Topic(country), Topology.Subscription(family), new ServiceBusProcessorOptions
        {
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            AutoCompleteMessages = false,
            MaxConcurrentCalls = options.MaxConcurrentDeliveries,
            PrefetchCount = options.PrefetchCount,
            MaxAutoLockRenewalDuration = options.MaxLockRenewal,
        });
        processor.ProcessMessageAsync += args =>
        {
            subscribed?.Invoke(true);
            return SettleAsync(args, entity, handler, cancellationToken);
        };
        processor.ProcessErrorAsync += args =>
        {
            if (args.Exception is ServiceBusException { Reason: ServiceBusFailureReason.MessagingEntityNotFound } or UnauthorizedAccessException)
                subscribed?.Invoke(false);
            var (handling, meaning) = ServiceBusFailures.Classify(args.Exception);
            onProblem?.Invoke($"{entity}: {args.ErrorSource}: {meaning}", args.Exception, handling == FailureHandling.RetryAndAlert);
            return Task.CompletedTask;
        };
        try
        {
            await processor.StartProcessingAsync(cancellationToken);
            subscribed?.Invoke(true);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await processor.StopProcessingAsync(stopping.Token);
        }
    }

    private async Task SettleAsync(ProcessMessageEventArgs args, string entity, Func<BusDelivery, CancellationToken, Task<DeliveryOutcome>> handler, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, args.CancellationToken);
        var token = linked.Token;
        var received = args.Message;
        DeliveryOutcome outcome;
        try
        {
            outcome = await handler(ServiceBusMessages.ToDelivery(received), token);
        }
        catch (InvalidDataException e)
        {
            // Nothing of it can reach the node's refusal path (no id, family or sender to archive it under): the alert is raised here.
            onProblem?.Invoke($"{entity} {received.MessageId}: unreadable envelope, dead-lettered: {e.Message}", e, true);
            C2C.Core.Telemetry.ExchangeTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>("reason", "UnreadableEnvelope"));
            outcome = DeliveryOutcome.DeadLetter("UnreadableEnvelope", e.Message);
        }
        catch (Exception e) when (!token.IsCancellationRequested)
        {
            onProblem?.Invoke($"{entity} {received.MessageId}: handler failed, abandoned", e, false);
            outcome = DeliveryOutcome.Abandon;
        }
        catch (OperationCanceledException)
        {
            await TryAsync(entity, received, () => args.AbandonMessageAsync(received, cancellationToken: CancellationToken.None)); // shutting down: back at once
            return;
        }

        switch (outcome)
        {
            case DeliveryOutcome.CompleteOutcome:
                await TryAsync(entity, received, () => args.CompleteMessageAsync(received, CancellationToken.None));
                break;
            case DeliveryOutcome.DeadLetterOutcome dead:
                await TryAsync(entity, received, () => args.DeadLetterMessageAsync(received, Cut(dead.Reason), Cut(dead.Description), CancellationToken.None));
                break;
            default:
                // Given back after a pause (the lock is renewed meanwhile), so an outage does not use up MaxDeliveryCount at once.
                try
                {
                    await Task.Delay(DeliveryOutcome.RetryDelay(received.DeliveryCount), token);
                }
                catch (OperationCanceledException)
                {
                    // shutting down: given back at once
                }
                await TryAsync(entity, received, () => args.AbandonMessageAsync(received, cancellationToken: CancellationToken.None));
                break;
        }
    }

    /// <summary>A settlement that fails (lock lost, connection gone) leaves the delivery to Service Bus: it comes back, counted.</summary>
    private async Task TryAsync(string entity, ServiceBusReceivedMessage received, Func<Task> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception e) when (e is ServiceBusException or ObjectDisposedException or InvalidOperationException)
        {
            var (handling, meaning) = ServiceBusFailures.Classify(e);
            onProblem?.Invoke($"{entity} {received.MessageId}: not settled: {meaning}", e, handling == FailureHandling.RetryAndAlert);
        }
    }

    private static string Cut(string text) => text.Length <= MaxDeadLetterText ? text : text[..MaxDeadLetterText];

    public async ValueTask DisposeAsync()
    {
        if (_client.IsValueCreated)
            await _client.Value.DisposeAsync();
    }
}
