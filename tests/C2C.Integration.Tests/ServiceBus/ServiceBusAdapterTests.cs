using Amqp;
using Amqp.Framing;
using C2C.Adapters.ServiceBus;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Integration.Tests.ServiceBus;

/// <summary>
/// The Service Bus adapter at the protocol level, against an AMQP 1.0 listener playing the namespace: the addresses,
/// properties, outcomes and $cbs frames Service Bus documents. (No real namespace is reachable from here.)
/// </summary>
public sealed class ServiceBusAdapterTests
{
    private static readonly string Key = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    private static BusMessage Message(string id = "TG-1", MessageFamily family = MessageFamily.Transit, byte[]? body = null) =>
        new(id, "TGLOM-20261124-0001", "IE050", family, "TG", "BF", body ?? "<AnticipatedTransitRecord/>"u8.ToArray(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "c2c=1");

    /// <summary>Publishes with <paramref name="options"/> as the namespace of every country the messages go to.</summary>
    private static async Task PublishAsync(ServiceBusOptions options, params BusMessage[] messages)
    {
        await using var publisher = Publisher(messages.Select(m => m.DestinationCountry).Distinct().Select(cc => new ServiceBusDestination(cc, options.Validated())).ToArray());
        foreach (var message in messages)
            await publisher.PublishAsync(message, CancellationToken.None);
    }

    private static ServiceBusPublisher Publisher(params ServiceBusDestination[] destinations) => new(new ServiceBusDestinations(destinations));

    [Fact]
    public async Task Send_goes_to_the_countrys_topic_with_the_documented_sections()
    {
        using var ns = new AmqpNamespace(Key);
        ns.AddTopic("BF");
        await PublishAsync(ns.Options(), Message());

        var (address, sent) = Assert.Single(ns.Sent);
        Assert.Equal("c2c.bf", address);
        Assert.Equal(("TG-1", "TGLOM-20261124-0001", "application/xml", "IE050"), (sent.Properties.MessageId, sent.Properties.CorrelationId, sent.Properties.ContentType.ToString(), sent.Properties.Subject));
        var app = sent.ApplicationProperties;
        Assert.Equal(["Transit", "IE050", "TG", "BF", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "c2c=1"],
            new[] { "family", "messageType", "sourceCountry", "destinationCountry", "traceparent", "tracestate" }.Select(n => (string)app[n]));
        Assert.Equal("<AnticipatedTransitRecord/>"u8.ToArray(), Assert.IsType<Data>(sent.BodySection).Binary);
        Assert.True(sent.Header.Durable);
    }

    [Fact]
    public async Task Wrong_key_missing_topic_and_refused_send_all_throw_and_the_publisher_recovers()
    {
        using var ns = new AmqpNamespace(Key);
        ns.AddTopic("BF");
        await Assert.ThrowsAnyAsync<Exception>(() => PublishAsync(ns.Options(o => new ServiceBusOptions
        {
            FullyQualifiedNamespace = o.FullyQualifiedNamespace, Port = o.Port, UseTls = false, SasKeyName = AmqpNamespace.KeyName, SasKey = "wrong",
        }), Message()));
        Assert.Empty(ns.Sent);

        // MV is configured on this namespace, but its topic does not exist there.
        await using var publisher = Publisher(ns.Destination("BF"), ns.Destination("MV"));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(Message() with { DestinationCountry = "MV" }, CancellationToken.None));
        Assert.Contains("c2c.mv", missing.Message);
        ns.RefuseSends = new Error(new Amqp.Types.Symbol("com.microsoft:entity-disabled")) { Description = "topic disabled" };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(Message(), CancellationToken.None));
        Assert.Contains("topic disabled", refused.Message);
        ns.RefuseSends = null;
        await publisher.PublishAsync(Message("TG-2"), CancellationToken.None);
        Assert.Equal("TG-2", Assert.Single(ns.Sent).Message.Properties.MessageId);
        Assert.Empty(ns.DeadLettered);
    }

    [Fact]
    public async Task Receive_from_the_family_subscription_in_peek_lock_and_complete()
    {
        using var ns = new AmqpNamespace(Key);
        ns.AddTopic("BF");
        await PublishAsync(ns.Options(), Message("cargo-1", MessageFamily.Cargo), Message("transit-1"));
        await using var connection = new ServiceBusConnection(ns.Options().Validated());
        await using var probe = new ConsumerProbe(new ServiceBusConsumer(connection), "BF", MessageFamily.Transit, _ => DeliveryOutcome.Complete);

        var (delivery, _) = await probe.NextAsync();
        Assert.Equal(Message("transit-1") with { Body = default }, delivery.Message with { Body = default });
        Assert.Equal(1, delivery.DeliveryCount);
        Assert.Equal("<AnticipatedTransitRecord/>"u8.ToArray(), delivery.Message.Body.ToArray());
        await WaitAsync(() => ns.Settlements.Count == 1);
        Assert.IsType<AmqpNamespace.CompletedOutcome>(Assert.Single(ns.Settlements).Outcome);
        Assert.Equal(["c2c.bf/Subscriptions/transit"], ns.AttachedSources);
        Assert.Equal(1, ns.Pending("c2c.bf/Subscriptions/cargo"));
    }

    [Fact]
    public async Task Abandon_is_a_failed_delivery_counted_up_to_max_delivery_count()
    {
        using var ns = new AmqpNamespace(Key, maxDeliveryCount: 3);
        ns.AddTopic("BF");
        await PublishAsync(ns.Options(), Message("poison"));
        await using var connection = new ServiceBusConnection(ns.Options().Validated());
        await using var probe = new ConsumerProbe(new ServiceBusConsumer(connection), "BF", MessageFamily.Transit, _ => DeliveryOutcome.Abandon);

        var counts = new List<int>();
        for (var i = 0; i < 3; i++)
            counts.Add((await probe.NextAsync()).Delivery.DeliveryCount);
        Assert.Equal([1, 2, 3], counts);
        await WaitAsync(() => !ns.DeadLettered.IsEmpty);
        Assert.All(ns.Settlements, s => Assert.Equal(new AmqpNamespace.AbandonedOutcome(DeliveryFailed: true), s.Outcome));
        Assert.Equal("MaxDeliveryCountExceeded", Assert.Single(ns.DeadLettered).Error!.Condition.ToString());
    }

    [Fact]
    public async Task Dead_letter_outcome_is_a_rejection_with_the_service_bus_condition_and_reason()
    {
        using var ns = new AmqpNamespace(Key);
        ns.AddTopic("BF");
        await PublishAsync(ns.Options(), Message("forged"));
        await using var connection = new ServiceBusConnection(ns.Options().Validated());
        await using var probe = new ConsumerProbe(new ServiceBusConsumer(connection), "BF", MessageFamily.Transit, _ => DeliveryOutcome.DeadLetter("InvalidSignature", "no signature"));

        await probe.NextAsync();
        await WaitAsync(() => !ns.DeadLettered.IsEmpty);
        var (_, message, error) = Assert.Single(ns.DeadLettered);
        Assert.Equal("forged", message.Properties.MessageId);
        Assert.Equal("com.microsoft:dead-letter", error!.Condition.ToString());
        Assert.Equal("InvalidSignature", error.Info[new Amqp.Types.Symbol("DeadLetterReason")]);
        Assert.Equal("no signature", error.Info[new Amqp.Types.Symbol("DeadLetterErrorDescription")]);
    }

    [Fact]
    public async Task Handler_failure_abandons_and_the_message_comes_back()
    {
        using var ns = new AmqpNamespace(Key);
        ns.AddTopic("BF");
        await PublishAsync(ns.Options(), Message("hiccup", body: "<throw/>"u8.ToArray()));
        var problems = new List<string>();
        await using var connection = new ServiceBusConnection(ns.Options().Validated());
        await using var probe = new ConsumerProbe(new ServiceBusConsumer(connection, (text, _) => { lock (problems) problems.Add(text); }), "BF", MessageFamily.Transit, _ => DeliveryOutcome.Complete);

        var (delivery, outcome) = await probe.NextAsync();
        Assert.Equal((2, DeliveryOutcome.Complete), (delivery.DeliveryCount, outcome));
        Assert.Contains(problems, p => p.Contains("handler failed"));
    }

    [Fact]
    public async Task Dropped_connection_reconnects_and_the_locked_message_is_not_lost()
    {
        using var ns = new AmqpNamespace(Key);
        ns.AddTopic("BF");
        await using var connection = new ServiceBusConnection(ns.Options().Validated());
        var received = new TaskCompletionSource();
        var dropped = new TaskCompletionSource();
        var problems = new List<string>();
        await using var probe = new ConsumerProbe(new ServiceBusConsumer(connection, (text, _) => { lock (problems) problems.Add(text); }), "BF", MessageFamily.Transit, d =>
        {
            // The first delivery is still being handled when the connection goes: its lock is lost with it.
            if (d.Message.MessageId == "in-flight" && d.DeliveryCount == 1)
            {
                received.TrySetResult();
                dropped.Task.Wait(TimeSpan.FromSeconds(10));
            }
            return DeliveryOutcome.Complete;
        });
        await PublishAsync(ns.Options(), Message("in-flight"));
        await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        ns.DropReceivers();
        dropped.SetResult();
        await probe.NextAsync();

        await PublishAsync(ns.Options(), Message("after-drop"));
        var ids = new List<(string, int)>();
        for (var i = 0; i < 2; i++)
        {
            var (d, _) = await probe.NextAsync();
            ids.Add((d.Message.MessageId, d.DeliveryCount));
        }
        Assert.Contains(("in-flight", 2), ids);
        Assert.Contains(ids, i => i.Item1 == "after-drop");
        Assert.True(ns.AttachedSources.Count >= 2, "the receiver attached again");
        Assert.Contains(problems, p => p.Contains("reconnecting"));
    }

    [Fact]
    public async Task Deliveries_are_handled_side_by_side()
    {
        using var ns = new AmqpNamespace(Key);
        ns.AddTopic("BF");
        await PublishAsync(ns.Options(), Message("first"), Message("second"));
        var secondStarted = new TaskCompletionSource();
        await using var connection = new ServiceBusConnection(ns.Options().Validated());
        await using var probe = new ConsumerProbe(new ServiceBusConsumer(connection), "BF", MessageFamily.Transit, d =>
        {
            // One at a time, the first would wait for the second forever (bounded here): they must overlap.
            if (d.Message.MessageId == "second")
                secondStarted.TrySetResult();
            else if (!secondStarted.Task.Wait(TimeSpan.FromSeconds(10)))
                return DeliveryOutcome.Abandon;
            return DeliveryOutcome.Complete;
        });

        var outcomes = new[] { await probe.NextAsync(), await probe.NextAsync() };
        Assert.All(outcomes, o => Assert.Equal(DeliveryOutcome.Complete, o.Outcome));
    }

    [Fact]
    public async Task Entra_id_tokens_go_to_cbs_for_each_entity_and_are_renewed_before_expiry()
    {
        using var ns = new AmqpNamespace(sasKey: null);
        ns.AddTopic("BF");
        var credential = new FixedTokenCredential(TimeSpan.FromMinutes(2)); // inside the renewal margin: renewed at each check
        var options = ns.Options(o => new ServiceBusOptions { FullyQualifiedNamespace = o.FullyQualifiedNamespace, Port = o.Port, UseTls = false, Credential = credential });
        await PublishAsync(options, Message());
        await using var connection = new ServiceBusConnection(options.Validated());
        await using var probe = new ConsumerProbe(new ServiceBusConsumer(connection), "BF", MessageFamily.Transit, _ => DeliveryOutcome.Complete);
        await probe.NextAsync();
        await WaitAsync(() => ns.CbsRequests.Count(r => (string)r.ApplicationProperties["name"] == "amqp://127.0.0.1/c2c.bf/Subscriptions/transit") >= 2);

        var first = ns.CbsRequests.First();
        Assert.Equal(("put-token", "jwt", "amqp://127.0.0.1/c2c.bf"), ((string)first.ApplicationProperties["operation"], (string)first.ApplicationProperties["type"], (string)first.ApplicationProperties["name"]));
        Assert.Equal(FixedTokenCredential.Token, first.Body);
        Assert.IsType<DateTime>(first.ApplicationProperties["expiration"]);
        Assert.StartsWith("cbs-reply-", first.Properties.ReplyTo);
        Assert.All(credential.Scopes, s => Assert.Equal(["https://servicebus.azure.net/.default"], s));
    }

    [Fact]
    public async Task Refused_token_fails_the_send()
    {
        using var ns = new AmqpNamespace(sasKey: null, cbsStatus: 401);
        ns.AddTopic("BF");
        var options = ns.Options(o => new ServiceBusOptions { FullyQualifiedNamespace = o.FullyQualifiedNamespace, Port = o.Port, UseTls = false, Credential = new FixedTokenCredential(TimeSpan.FromHours(1)) });
        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => PublishAsync(options, Message()));
        Assert.Contains("401", error.Message);
        Assert.Empty(ns.Sent);
    }

    private static async Task WaitAsync(Func<bool> condition, int seconds = 15)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            if (condition())
                return;
        }
        Assert.Fail($"condition not met within {seconds} s");
    }
}
