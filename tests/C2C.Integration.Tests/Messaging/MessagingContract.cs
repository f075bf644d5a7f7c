using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;
using Xunit.Abstractions;

namespace C2C.Integration.Tests.Messaging;

/// <summary>
/// The messaging port's contract, the same sentences for every broker adapter (as Rebus's
/// Rebus.Tests.Contracts/Transports/BasicSendReceive): a subclass per adapter only says how to start its broker.
/// </summary>
public abstract class MessagingContract(ITestOutputHelper output)
{
    protected abstract Task<IContractBroker> StartAsync(string country, int deliveryLimit = 3);

    /// <summary>Each test has a broker of its own (a virtual host, a namespace): one country code does for all.</summary>
    private static string NewCountry() => "QA";

    public static BusMessage Message(string destination, MessageFamily family = MessageFamily.Transit, string? id = null, string? movement = null, byte[]? body = null) =>
        new(id ?? Guid.NewGuid().ToString(), "corr-1", "IE050", family, "TG", destination, body ?? "<x/>"u8.ToArray(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "c2c=1", movement ?? "26TGLOM0000001437J4");

    [Fact]
    public async Task A_published_message_is_confirmed_and_arrives_with_every_property_and_delivery_count_one()
    {
        await using var broker = await StartAsync(NewCountry());
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        var sent = Message(broker.Country);

        await broker.Publisher.PublishAsync(sent, CancellationToken.None);

        var (delivery, _) = await received.NextAsync();
        Assert.Equal(1, delivery.DeliveryCount);
        Assert.Equal(sent with { Body = default }, delivery.Message with { Body = default });
        Assert.Equal("<x/>", Encoding.UTF8.GetString(delivery.Message.Body.Span));
        await WaitAsync(async () => await broker.PendingAsync(MessageFamily.Transit) == 0, "completed delivery left the subscription");
    }

    [Fact]
    public async Task Families_are_separate_subscriptions()
    {
        await using var broker = await StartAsync(NewCountry());
        await using var transit = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await using var cargo = await broker.ConsumeAsync(MessageFamily.Cargo, _ => DeliveryOutcome.Complete);

        await broker.Publisher.PublishAsync(Message(broker.Country, MessageFamily.Cargo, "cargo-1"), CancellationToken.None);
        await broker.Publisher.PublishAsync(Message(broker.Country, MessageFamily.Transit, "transit-1"), CancellationToken.None);

        Assert.Equal("cargo-1", (await cargo.NextAsync()).Delivery.Message.MessageId);
        Assert.Equal("transit-1", (await transit.NextAsync()).Delivery.Message.MessageId);
        Assert.False(cargo.TryNext(out _));
    }

    [Fact]
    public async Task Publishing_before_the_receiver_has_its_topic_fails_so_the_outbox_keeps_the_message_and_succeeds_later()
    {
        await using var broker = await StartAsync(NewCountry());
        await Assert.ThrowsAnyAsync<Exception>(() => broker.Publisher.PublishAsync(Message(broker.Country, id: "early"), CancellationToken.None));

        await broker.DeclareAsync();
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await broker.Publisher.PublishAsync(Message(broker.Country, id: "early"), CancellationToken.None);
        Assert.Equal("early", (await received.NextAsync()).Delivery.Message.MessageId);
    }

    [Fact]
    public async Task An_abandoned_delivery_comes_back_counted_after_a_growing_pause_and_is_dead_lettered_at_the_delivery_limit()
    {
        await using var broker = await StartAsync(NewCountry(), deliveryLimit: 3);
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.Abandon);
        await broker.Publisher.PublishAsync(Message(broker.Country, id: "poison"), CancellationToken.None);

        var counts = new List<int>();
        var gaps = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            counts.Add((await received.NextAsync()).Delivery.DeliveryCount);
            gaps.Add(clock.Elapsed);
            clock.Restart();
        }
        Assert.Equal([1, 2, 3], counts);
        // Given back after a pause that grows (0.25 s, then 0.5 s): an outage does not use up the limit at once.
        var timerResolution = TimeSpan.FromMilliseconds(20);
        Assert.True(gaps[1] >= DeliveryOutcome.RetryDelay(1) - timerResolution && gaps[2] >= DeliveryOutcome.RetryDelay(2) - timerResolution, string.Join(", ", gaps));
        var dead = Assert.Single(await broker.DeadLettersAsync(MessageFamily.Transit, 1));
        Assert.Equal("poison", dead.MessageId);
        Assert.False(string.IsNullOrEmpty(dead.Reason), $"the broker says why it dead-lettered: {dead}");
        Assert.False(received.TryNext(out _));
    }

    [Fact]
    public async Task A_dead_letter_outcome_keeps_the_reason_the_description_and_the_original_bytes()
    {
        await using var broker = await StartAsync(NewCountry());
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.DeadLetter("InvalidSignature", "no signature"));
        await broker.Publisher.PublishAsync(Message(broker.Country, id: "forged"), CancellationToken.None);

        var dead = Assert.Single(await broker.DeadLettersAsync(MessageFamily.Transit, 1));
        Assert.Equal(("forged", "InvalidSignature", "no signature", "<x/>"), (dead.MessageId, dead.Reason, dead.Description, Encoding.UTF8.GetString(dead.Body)));
    }

    [Fact]
    public async Task A_handler_failure_is_no_loss_the_delivery_comes_back()
    {
        await using var broker = await StartAsync(NewCountry());
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await broker.Publisher.PublishAsync(Message(broker.Country, body: "<throw/>"u8.ToArray()), CancellationToken.None);

        var (delivery, outcome) = await received.NextAsync();
        Assert.Equal((2, DeliveryOutcome.Complete), (delivery.DeliveryCount, outcome));
        Assert.Contains(broker.Problems, p => p.Contains("handler failed"));
    }

    [Fact]
    public async Task An_envelope_without_its_family_or_source_is_dead_lettered_as_unreadable_and_the_consumer_goes_on()
    {
        await using var broker = await StartAsync(NewCountry());
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await broker.Publisher.PublishAsync(Message(broker.Country, id: "no-source") with { SourceCountry = null! }, CancellationToken.None);
        await broker.Publisher.PublishAsync(Message(broker.Country, id: "fine"), CancellationToken.None);

        Assert.Equal("fine", (await received.NextAsync()).Delivery.Message.MessageId);
        var dead = Assert.Single(await broker.DeadLettersAsync(MessageFamily.Transit, 1));
        Assert.Equal(("no-source", "UnreadableEnvelope"), (dead.MessageId, dead.Reason));
        Assert.Contains(BusProperties.SourceCountry, dead.Description);
    }

    [Fact]
    public async Task One_movements_messages_arrive_in_publish_order()
    {
        await using var broker = await StartAsync(NewCountry());
        var ids = Enumerable.Range(1, 20).Select(i => $"m{i:00}").ToList();
        await broker.DeclareAsync();
        foreach (var id in ids)
            await broker.Publisher.PublishAsync(Message(broker.Country, id: id), CancellationToken.None);
        // One delivery at a time: the broker's own order (the node runs several and keeps a movement's in order itself).
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.Complete, concurrency: 1);

        var seen = new List<string>();
        foreach (var _ in ids)
            seen.Add((await received.NextAsync()).Delivery.Message.MessageId);
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task The_size_limit_the_publisher_reports_is_the_one_it_keeps()
    {
        await using var broker = await StartAsync(NewCountry());
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        var limit = broker.Publisher.MaxBodyBytes(broker.Country);
        // No limit reported (RabbitMQ: 128 MB by default) means a message far above Service Bus Premium's 1 MB goes through.
        var largest = limit ?? 2 * 1024 * 1024;

        if (limit is { } bytes)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => broker.Publisher.PublishAsync(Message(broker.Country, id: "too-large", body: new byte[bytes + 1]), CancellationToken.None));
        }
        await broker.Publisher.PublishAsync(Message(broker.Country, id: "at-the-limit", body: new byte[largest]), CancellationToken.None);

        var (delivery, _) = await received.NextAsync();
        Assert.Equal(("at-the-limit", largest), (delivery.Message.MessageId, delivery.Message.Body.Length));
        Assert.False(received.TryNext(out _));
    }

    /// <summary>
    /// The broker restarts while messages are published and consumed. The publisher retries what failed (as the outbox
    /// relay does) and the handler applies a message id once (as the exchange does): every message is applied exactly once.
    /// </summary>
    [Fact]
    public async Task The_broker_restarting_under_load_loses_nothing_and_applies_nothing_twice()
    {
        await using var broker = await StartAsync(NewCountry(), deliveryLimit: 10);
        await broker.DeclareAsync();
        var applied = new ConcurrentDictionary<string, int>();
        await using var received = await broker.ConsumeAsync(MessageFamily.Transit, d =>
        {
            applied.AddOrUpdate(d.Message.MessageId, 1, (_, n) => n); // idempotent by message id, as the exchange
            return DeliveryOutcome.Complete;
        });
        var ids = Enumerable.Range(0, 200).Select(i => $"load-{i:000}").ToList();
        var failedPublishes = 0;
        var publishing = Task.Run(async () =>
        {
            foreach (var id in ids)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await broker.Publisher.PublishAsync(Message(broker.Country, id: id), CancellationToken.None);
                        break;
                    }
                    catch (Exception) when (attempt < 120)
                    {
                        Interlocked.Increment(ref failedPublishes);
                        await Task.Delay(250);
                    }
                }
            }
        });
        await WaitAsync(() => Task.FromResult(applied.Count >= 50), "a quarter applied before the restart");
        await broker.RestartAsync();
        await publishing.WaitAsync(TimeSpan.FromMinutes(2));

        await WaitAsync(() => Task.FromResult(applied.Count == ids.Count), $"all {ids.Count} applied", seconds: 90, state: async () =>
            $"{applied.Count} applied, {await broker.PendingAsync(MessageFamily.Transit)} pending, {(await broker.DeadLettersAsync(MessageFamily.Transit, 0)).Count} dead-lettered; last reports: {string.Join(" | ", broker.Problems.TakeLast(5))}");
        await WaitAsync(async () => await broker.PendingAsync(MessageFamily.Transit) == 0, "nothing left queued or locked", seconds: 60);
        Assert.Equal(ids.Order(), applied.Keys.Order());
        Assert.Empty(await broker.DeadLettersAsync(MessageFamily.Transit, 0));
        output.WriteLine($"publishes retried: {failedPublishes}; adapter reports: {broker.Problems.Count}");
    }

    /// <param name="state">What to tell about the broker when the wait fails.</param>
    protected static async Task WaitAsync(Func<Task<bool>> condition, string what, int seconds = 20, Func<Task<string>>? state = null)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
                return;
        }
        Assert.Fail($"not within {seconds} s: {what}{(state is null ? "" : $" ({await state()})")}");
    }
}
