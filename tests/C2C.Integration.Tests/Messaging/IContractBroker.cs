using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Integration.Tests.Messaging;

/// <summary>
/// One broker behind the messaging port, as the contract suite drives it: a country whose inbound topic may not exist
/// yet, the adapter's publisher and consumers, and what a test must see beyond the port (dead letters, a restart).
/// </summary>
public interface IContractBroker : IAsyncDisposable
{
    string Country { get; }

    IMessagePublisher Publisher { get; }

    /// <summary>What the adapters reported (reconnects, handler failures, lost locks).</summary>
    IReadOnlyList<string> Problems { get; }

    /// <summary>The country's topic and family subscriptions exist from now on (the receiving node deploys or declares them).</summary>
    Task DeclareAsync();

    /// <summary>Runs the adapter's consumer on one family with <paramref name="concurrency"/> deliveries at a time; returns once it consumes.</summary>
    Task<ConsumerProbe> ConsumeAsync(MessageFamily family, Func<BusDelivery, DeliveryOutcome> decide, int concurrency = 8);

    /// <summary>The family's dead-letter queue once it holds <paramref name="count"/> messages (bounded wait).</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(MessageFamily family, int count);

    /// <summary>Messages still queued or locked on the family's subscription.</summary>
    Task<long> PendingAsync(MessageFamily family);

    /// <summary>Stops the broker and starts it again (same address, messages kept).</summary>
    Task RestartAsync();
}

/// <summary>A dead-lettered message with the reason the broker keeps beside it.</summary>
public sealed record DeadLetter(string? MessageId, string? Reason, string? Description, byte[] Body);
