using System.Text;
using C2C.Adapters.RabbitMq;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Integration.Tests.Messaging;

/// <summary>The RabbitMQ adapter against the real broker: topology, confirms, settlement, dead-lettering with reason.</summary>
[Collection(StackCollection.Name)]
public sealed class RabbitMqAdapterTests(LocalStack stack)
{
    [Fact]
    public async Task Published_message_arrives_with_every_property_and_delivery_count_one()
    {
        await using var rabbit = new RabbitMqFixture(stack, "QA");
        await rabbit.ResetAsync();
        var received = rabbit.Consume(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await rabbit.WaitForQueueAsync(MessageFamily.Transit);
        var sent = RabbitMqFixture.Message("QA");

        await rabbit.Publisher.PublishAsync(sent, CancellationToken.None);

        var (delivery, _) = await received.NextAsync();
        Assert.Equal(1, delivery.DeliveryCount);
        Assert.Equal(sent with { Body = default }, delivery.Message with { Body = default });
        Assert.Equal("<x/>", Encoding.UTF8.GetString(delivery.Message.Body.Span));
    }

    [Fact]
    public async Task Families_are_separate_subscriptions()
    {
        await using var rabbit = new RabbitMqFixture(stack, "QB");
        await rabbit.ResetAsync();
        var transit = rabbit.Consume(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        var cargo = rabbit.Consume(MessageFamily.Cargo, _ => DeliveryOutcome.Complete);
        await rabbit.WaitForQueueAsync(MessageFamily.Transit);
        await rabbit.WaitForQueueAsync(MessageFamily.Cargo);

        await rabbit.Publisher.PublishAsync(RabbitMqFixture.Message("QB", MessageFamily.Cargo, "cargo-1"), CancellationToken.None);
        await rabbit.Publisher.PublishAsync(RabbitMqFixture.Message("QB", MessageFamily.Transit, "transit-1"), CancellationToken.None);

        Assert.Equal("cargo-1", (await cargo.NextAsync()).Delivery.Message.MessageId);
        Assert.Equal("transit-1", (await transit.NextAsync()).Delivery.Message.MessageId);
        Assert.False(cargo.TryNext(out _));
    }

    [Fact]
    public async Task Publishing_to_a_country_without_its_subscriptions_fails_so_the_outbox_keeps_the_message()
    {
        await using var rabbit = new RabbitMqFixture(stack, "QC");
        await rabbit.ResetAsync();
        // No exchange at all: the channel is closed by the broker (404), the publisher recovers for the next call.
        await Assert.ThrowsAnyAsync<Exception>(() => rabbit.Publisher.PublishAsync(RabbitMqFixture.Message("QC"), CancellationToken.None));
        // Exchange and transit queue exist, but not the cargo one: the mandatory publish comes back unroutable.
        _ = rabbit.Consume(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await rabbit.WaitForQueueAsync(MessageFamily.Transit);
        var unroutable = await Assert.ThrowsAsync<InvalidOperationException>(() => rabbit.Publisher.PublishAsync(RabbitMqFixture.Message("QC", MessageFamily.Cargo), CancellationToken.None));
        Assert.Contains("unroutable", unroutable.Message);
        await rabbit.Publisher.PublishAsync(RabbitMqFixture.Message("QC"), CancellationToken.None);
    }

    [Fact]
    public async Task Abandoned_message_comes_back_counted_and_is_dead_lettered_at_the_delivery_limit()
    {
        await using var rabbit = new RabbitMqFixture(stack, "QD", deliveryLimit: 2);
        await rabbit.ResetAsync();
        var received = rabbit.Consume(MessageFamily.Transit, _ => DeliveryOutcome.Abandon);
        await rabbit.WaitForQueueAsync(MessageFamily.Transit);
        await rabbit.Publisher.PublishAsync(RabbitMqFixture.Message("QD", id: "poison"), CancellationToken.None);

        var counts = new List<int>();
        var gaps = new List<TimeSpan>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            counts.Add((await received.NextAsync()).Delivery.DeliveryCount);
            gaps.Add(clock.Elapsed);
            clock.Restart();
        }
        Assert.Equal([1, 2, 3], counts);
        // Given back after a pause that grows (0.25 s, then 0.5 s): an outage does not use up the limit at once. The
        // pause starts a moment before this test sees the delivery it follows, hence the small margin.
        var margin = TimeSpan.FromMilliseconds(50);
        Assert.True(gaps[1] >= DeliveryOutcome.RetryDelay(1) - margin && gaps[2] >= DeliveryOutcome.RetryDelay(2) - margin, string.Join(", ", gaps));
        var dead = await rabbit.DeadLetteredAsync(MessageFamily.Transit);
        Assert.Equal("poison", dead.BasicProperties.MessageId);
    }

    [Fact]
    public async Task Dead_letter_outcome_keeps_the_reason_and_the_original_bytes()
    {
        await using var rabbit = new RabbitMqFixture(stack, "QE");
        await rabbit.ResetAsync();
        _ = rabbit.Consume(MessageFamily.Transit, _ => DeliveryOutcome.DeadLetter("InvalidSignature", "no signature"));
        await rabbit.WaitForQueueAsync(MessageFamily.Transit);
        await rabbit.Publisher.PublishAsync(RabbitMqFixture.Message("QE", id: "forged"), CancellationToken.None);

        var dead = await rabbit.DeadLetteredAsync(MessageFamily.Transit);
        Assert.Equal("forged", dead.BasicProperties.MessageId);
        Assert.Equal("InvalidSignature", RabbitMqProperties.Text(dead.BasicProperties.Headers!, RabbitMqProperties.DeadLetterReason));
        Assert.Equal("no signature", RabbitMqProperties.Text(dead.BasicProperties.Headers!, RabbitMqProperties.DeadLetterDescription));
        Assert.Equal("<x/>", Encoding.UTF8.GetString(dead.Body.Span));
    }

    [Fact]
    public async Task Handler_failure_is_not_a_loss_the_message_is_delivered_again()
    {
        await using var rabbit = new RabbitMqFixture(stack, "QF");
        await rabbit.ResetAsync();
        var received = rabbit.Consume(MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await rabbit.WaitForQueueAsync(MessageFamily.Transit);
        await rabbit.Publisher.PublishAsync(RabbitMqFixture.Message("QF") with { Body = "<throw/>"u8.ToArray() }, CancellationToken.None);

        var (delivery, outcome) = await received.NextAsync();
        Assert.Equal(2, delivery.DeliveryCount);
        Assert.Equal(DeliveryOutcome.Complete, outcome);
        Assert.Contains(rabbit.Problems, p => p.Contains("handler failed"));
    }
}
