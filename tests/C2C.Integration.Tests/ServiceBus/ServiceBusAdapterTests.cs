using Amqp.Types;
using C2C.Adapters.ServiceBus;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Integration.Tests.Messaging;
using C2C.Testing;
using C2C.Testing.ServiceBus;

namespace C2C.Integration.Tests.ServiceBus;

/// <summary>
/// What only Service Bus has, through the SDK against the in-process namespace: the message as the partner's topic
/// stores it, a namespace and credential per destination, duplicate detection, the failure reasons, lock renewal.
/// The behaviour both brokers share is in the messaging contract (<see cref="MessagingContract"/>).
/// </summary>
public sealed class ServiceBusAdapterTests
{
    private static BusMessage Message(string destination = "BF", string id = "TG-1", byte[]? body = null) =>
        MessagingContract.Message(destination, id: id, body: body) with { CorrelationId = "TGLOM-20261124-0001" };

    private static ServiceBusPublisher Publisher(List<(string Text, bool Alert)>? problems = null, params ServiceBusDestination[] destinations) =>
        new(new ServiceBusDestinations(destinations), (text, _, alert) => { lock (destinations) problems?.Add((text, alert)); });

    /// <summary>The test namespace's options with the SDK's retries off (the failure shows at once).</summary>
    private static ServiceBusOptions NoRetries(ServiceBusNamespace ns, TimeSpan? maxLockRenewal = null)
    {
        var o = ServiceBusBroker.Options(ns);
        return new ServiceBusOptions
        {
            FullyQualifiedNamespace = o.FullyQualifiedNamespace, Port = o.Port, UseTls = false, SasKeyName = o.SasKeyName, SasKey = o.SasKey, MaxRetries = 0,
            MaxLockRenewal = maxLockRenewal ?? o.MaxLockRenewal, SendTimeout = o.SendTimeout,
        };
    }

    [Fact]
    public async Task The_partner_topic_stores_our_message_id_properties_subject_and_bytes()
    {
        await using var bf = new ServiceBusNamespace().AddTopic("BF");
        await using (var publisher = Publisher(null, new ServiceBusDestination("BF", ServiceBusBroker.Options(bf))))
            await publisher.PublishAsync(Message(), CancellationToken.None);

        var stored = Assert.Single(bf.Subscription("BF", MessageFamily.Transit).Snapshot()).Decode();
        Assert.Equal(("TG-1", "TGLOM-20261124-0001", "application/xml", "IE050"), (stored.Properties.MessageId, stored.Properties.CorrelationId, stored.Properties.ContentType.ToString(), stored.Properties.Subject));
        Assert.Equal(["Transit", "IE050", "TG", "BF", "26TGLOM0000001437J4", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "c2c=1"],
            new[] { "family", "messageType", "sourceCountry", "destinationCountry", "movementReference", "traceparent", "tracestate" }.Select(n => (string)stored.ApplicationProperties[n]));
        Assert.Equal("<x/>"u8.ToArray(), (byte[])stored.Body);
        Assert.Empty(bf.Subscription("BF", MessageFamily.Cargo).Snapshot()); // the family filter
    }

    [Fact]
    public async Task Each_country_goes_to_its_own_namespace_and_one_namespace_is_one_client()
    {
        await using var bf = new ServiceBusNamespace().AddTopic("BF").AddTopic("NE"); // BF's namespace also hosts NE's topic
        await using var mv = new ServiceBusNamespace().AddTopic("MV");
        await using var publisher = Publisher(null, new ServiceBusDestination("BF", ServiceBusBroker.Options(bf)), new ServiceBusDestination("NE", ServiceBusBroker.Options(bf)),
            new ServiceBusDestination("MV", ServiceBusBroker.Options(mv)));

        foreach (var (country, i) in new[] { "BF", "MV", "NE", "BF" }.Select((c, i) => (c, i)))
            await publisher.PublishAsync(Message(country, $"m{i}"), CancellationToken.None);

        Assert.Equal([("c2c.bf", "m0"), ("c2c.ne", "m2"), ("c2c.bf", "m3")], bf.Sent.Select(s => (s.Topic, s.MessageId)));
        Assert.Equal([("c2c.mv", "m1")], mv.Sent.Select(s => (s.Topic, s.MessageId)));
        Assert.Equal(2, publisher.OpenClients);
        Assert.Contains("c2c.mv", string.Join(" ", mv.TokenAudiences)); // a SAS token was put to $cbs for the topic
    }

    [Fact]
    public async Task Another_namespaces_key_is_refused_as_an_alert_and_nothing_is_sent()
    {
        await using var bf = new ServiceBusNamespace().AddTopic("BF");
        await using var other = new ServiceBusNamespace();
        var problems = new List<(string Text, bool Alert)>();
        var wrongKey = new ServiceBusOptions
        {
            FullyQualifiedNamespace = "127.0.0.1", Port = bf.Port, UseTls = false, SasKeyName = ServiceBusNamespace.KeyName, SasKey = other.Key, MaxRetries = 0,
        };
        await using var publisher = Publisher(problems, new ServiceBusDestination("BF", wrongKey));

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(Message(), CancellationToken.None));
        Assert.Empty(bf.Sent);
        Assert.Contains(problems, p => p.Alert && p.Text.Contains("credential refused"));
    }

    [Fact]
    public async Task A_replay_with_the_same_message_id_is_dropped_by_duplicate_detection()
    {
        await using var bf = new ServiceBusNamespace().AddTopic("BF");
        await using var publisher = Publisher(null, new ServiceBusDestination("BF", ServiceBusBroker.Options(bf)));

        await publisher.PublishAsync(Message(id: "once"), CancellationToken.None);
        await publisher.PublishAsync(Message(id: "once"), CancellationToken.None); // the outbox relay after a lost confirm

        Assert.Equal(2, bf.Sent.Count);
        Assert.Single(bf.Subscription("BF", MessageFamily.Transit).Snapshot());
    }

    [Theory]
    [InlineData("com.microsoft:server-busy", "throttled", false)]
    [InlineData("amqp:resource-limit-exceeded", "quota exceeded", true)]
    [InlineData("com.microsoft:entity-disabled", "entity disabled", true)]
    [InlineData("amqp:link:message-size-exceeded", "larger than the topic takes", true)]
    public async Task A_refused_send_throws_so_the_outbox_keeps_it_reported_by_reason(string condition, string meaning, bool alert)
    {
        await using var bf = new ServiceBusNamespace().AddTopic("BF");
        var problems = new List<(string Text, bool Alert)>();
        await using var publisher = Publisher(problems, new ServiceBusDestination("BF", NoRetries(bf)));
        bf.RefuseSends = new Amqp.Framing.Error(new Symbol(condition)) { Description = "refused by the test" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(Message(), CancellationToken.None));
        Assert.Contains(meaning, error.Message);
        Assert.Contains(problems, p => p.Alert == alert && p.Text.Contains(meaning));
        Assert.Empty(bf.Subscription("BF", MessageFamily.Transit).Snapshot());

        bf.RefuseSends = null;
        // As the outbox relay does: again later (after ServerBusy the SDK itself holds sends back for 10 s).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await publisher.PublishAsync(Message(id: "after"), CancellationToken.None);
                break;
            }
            catch (InvalidOperationException) when (attempt < 30)
            {
                await Task.Delay(500);
            }
        }
        Assert.Equal("after", Assert.Single(bf.Subscription("BF", MessageFamily.Transit).Snapshot()).MessageId);
    }

    [Fact]
    public async Task A_topic_smaller_than_configured_is_refused_by_the_sdk_before_anything_is_sent()
    {
        await using var bf = new ServiceBusNamespace(maxMessageBytes: 64 * 1024).AddTopic("BF"); // a Standard topic configured as Premium
        var problems = new List<(string Text, bool Alert)>();
        await using var publisher = Publisher(problems, new ServiceBusDestination("BF", NoRetries(bf), MaxMessageBytes: 1024 * 1024));

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(Message(body: new byte[100 * 1024]), CancellationToken.None));
        Assert.Empty(bf.Sent);
        Assert.Contains(problems, p => p.Alert && p.Text.Contains("MaxMessageKilobytes"));
    }

    [Fact]
    public async Task A_body_at_the_reported_limit_fits_a_standard_topic_with_the_longest_envelope_the_node_writes()
    {
        await using var bf = new ServiceBusNamespace(maxMessageBytes: ServiceBusDestination.StandardMaxMessageBytes).AddTopic("BF");
        await using var publisher = Publisher(null, new ServiceBusDestination("BF", NoRetries(bf)));
        var body = new byte[publisher.MaxBodyBytes("BF")!.Value];
        // Ids of 64 characters, a full traceparent, tracestate at its W3C maximum (512), a long MRN.
        var longest = new BusMessage(new string('m', 64), new string('c', 64), "IE050", MessageFamily.Transit, "TG", "BF", body,
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", new string('t', 512), "26TGLOM0000001437J4");

        await publisher.PublishAsync(longest, CancellationToken.None);

        Assert.Equal(ServiceBusDestination.StandardMaxMessageBytes - ServiceBusDestination.EnvelopeBytes, body.Length);
        Assert.Equal(body.Length, Assert.Single(bf.Subscription("BF", MessageFamily.Transit).Snapshot()).Body.Length);
        // An unknown country gets the smallest limit, the Standard tier's, and is refused naming what to configure.
        Assert.Equal(body.Length, publisher.MaxBodyBytes("MV"));
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(Message("MV"), CancellationToken.None));
        Assert.Contains("C2C:Messaging:ServiceBus:Destinations:MV", unknown.Message);
    }

    [Fact]
    public async Task Long_work_keeps_its_lock_renewed_and_completes_once()
    {
        await using var tg = new ServiceBusNamespace(lockDuration: TimeSpan.FromSeconds(2)).AddTopic("TG");
        await using (var publisher = Publisher(null, new ServiceBusDestination("TG", ServiceBusBroker.Options(tg))))
            await publisher.PublishAsync(Message("TG", "slow"), CancellationToken.None);
        await using var consumer = new ServiceBusConsumer(ServiceBusBroker.Options(tg));
        await using var probe = new ConsumerProbe(consumer, "TG", MessageFamily.Transit, _ =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(5)); // longer than two locks
            return DeliveryOutcome.Complete;
        });

        var (delivery, _) = await probe.NextAsync(30);
        Assert.Equal(1, delivery.DeliveryCount);
        await WaitAsync(() => tg.Settlements.Any(s => s.Outcome == "Accepted"));
        Assert.Contains(tg.Settlements, s => s.Outcome == "renew-lock");
        Assert.Equal(0, tg.Subscription("TG", MessageFamily.Transit).Available + tg.Subscription("TG", MessageFamily.Transit).Locked);
        Assert.False(probe.TryNext(out _));
    }

    [Fact]
    public async Task A_lost_lock_is_reported_and_the_message_comes_back_counted_without_a_crash()
    {
        await using var tg = new ServiceBusNamespace(lockDuration: TimeSpan.FromSeconds(1)).AddTopic("TG");
        await using (var publisher = Publisher(null, new ServiceBusDestination("TG", ServiceBusBroker.Options(tg))))
            await publisher.PublishAsync(Message("TG", "overran"), CancellationToken.None);
        var problems = new List<(string Text, bool Alert)>();
        // No renewal: the work outlives its lock.
        await using var consumer = new ServiceBusConsumer(NoRetries(tg, maxLockRenewal: TimeSpan.Zero), (text, _, alert) => { lock (problems) problems.Add((text, alert)); });
        await using var probe = new ConsumerProbe(consumer, "TG", MessageFamily.Transit, d =>
        {
            if (d.DeliveryCount == 1)
                Thread.Sleep(TimeSpan.FromSeconds(3));
            return DeliveryOutcome.Complete;
        });

        // The second delivery (after the lock expired) may finish before the first, which then cannot complete.
        Assert.Equal([1, 2], new[] { (await probe.NextAsync(30)).Delivery.DeliveryCount, (await probe.NextAsync(30)).Delivery.DeliveryCount }.Order());
        await WaitAsync(() => { lock (problems) return problems.Any(p => p.Text.Contains("lock lost") && !p.Alert); });
        await WaitAsync(() => tg.Subscription("TG", MessageFamily.Transit).Available + tg.Subscription("TG", MessageFamily.Transit).Locked == 0);
    }

    [Fact]
    public async Task The_test_namespace_takes_the_sdks_batches()
    {
        await using var bf = new ServiceBusNamespace().AddTopic("BF");
        await using var client = ServiceBusBroker.Options(bf).CreateClient();
        await using var sender = client.CreateSender("c2c.bf");
        using var batch = await sender.CreateMessageBatchAsync();
        foreach (var id in new[] { "b1", "b2", "b3" })
            Assert.True(batch.TryAddMessage(ServiceBusMessages.ToServiceBus(Message(id: id))));

        await sender.SendMessagesAsync(batch);

        Assert.Equal(["b1", "b2", "b3"], bf.Subscription("BF", MessageFamily.Transit).Snapshot().Select(m => m.MessageId));
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
