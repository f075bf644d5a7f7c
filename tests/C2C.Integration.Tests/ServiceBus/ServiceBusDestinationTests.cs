using C2C.Adapters.ServiceBus;
using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Integration.Tests.ServiceBus;

/// <summary>
/// ARCHITECTURE decision 3 at the protocol level: each partner owns its topic in its own namespace, so a message
/// for country X must reach X's namespace, on X's topic, with the credential X granted us, and nothing else.
/// Each AmqpNamespace is a separate listener (its own port) checking its own credential.
/// </summary>
public sealed class ServiceBusDestinationTests
{
    private static readonly string BfKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    private static BusMessage To(string country, string id) =>
        new(id, null, "IE050", MessageFamily.Transit, "TG", country, "<AnticipatedTransitRecord/>"u8.ToArray());

    private static ServiceBusPublisher Publisher(params ServiceBusDestination[] destinations) => new(new ServiceBusDestinations(destinations));

    [Fact]
    public async Task Each_country_goes_to_its_own_namespace_with_its_own_credential()
    {
        using var bf = new AmqpNamespace(BfKey);                // BF granted us a send-only SAS rule
        using var mv = new AmqpNamespace(sasKey: null);         // MV granted our Entra ID identity Data Sender
        bf.AddTopic("BF");
        mv.AddTopic("MV");
        var identity = new FixedTokenCredential(TimeSpan.FromHours(1));
        await using (var publisher = Publisher(bf.Destination("BF"), mv.Destination("MV", o => new ServiceBusOptions { FullyQualifiedNamespace = o.FullyQualifiedNamespace, Port = o.Port, UseTls = false, Credential = identity })))
        {
            await publisher.PublishAsync(To("BF", "for-bf"), CancellationToken.None);
            await publisher.PublishAsync(To("MV", "for-mv"), CancellationToken.None);
        }

        var (toBf, sentToBf) = Assert.Single(bf.Sent);
        var (toMv, sentToMv) = Assert.Single(mv.Sent);
        Assert.Equal(("c2c.bf", "for-bf"), (toBf, sentToBf.Properties.MessageId));
        Assert.Equal(("c2c.mv", "for-mv"), (toMv, sentToMv.Properties.MessageId));
        Assert.Empty(bf.CbsRequests); // SAS authenticates the connection: no token
        var token = Assert.Single(mv.CbsRequests);
        Assert.Equal($"amqp://{mv.Options().FullyQualifiedNamespace}/c2c.mv", (string)token.ApplicationProperties["name"]);
        Assert.Equal(FixedTokenCredential.Token, token.Body);
    }

    [Fact]
    public async Task Another_countrys_credential_is_refused_and_nothing_is_sent()
    {
        using var bf = new AmqpNamespace(BfKey);
        bf.AddTopic("BF");
        var someoneElses = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        await using var publisher = Publisher(bf.Destination("BF", o => new ServiceBusOptions { FullyQualifiedNamespace = o.FullyQualifiedNamespace, Port = o.Port, UseTls = false, SasKeyName = AmqpNamespace.KeyName, SasKey = someoneElses }));

        await Assert.ThrowsAnyAsync<Exception>(() => publisher.PublishAsync(To("BF", "wrong-key"), CancellationToken.None));
        Assert.Empty(bf.Sent);
    }

    [Fact]
    public async Task Destinations_in_one_namespace_with_one_credential_share_one_connection()
    {
        using var shared = new AmqpNamespace(BfKey);
        shared.AddTopic("BF");
        shared.AddTopic("MV");
        await using var publisher = Publisher(shared.Destination("BF"), shared.Destination("MV"));

        foreach (var (country, i) in new[] { "BF", "MV", "BF", "MV" }.Select((c, i) => (c, i)))
            await publisher.PublishAsync(To(country, $"m{i}"), CancellationToken.None);

        Assert.Equal(["c2c.bf", "c2c.mv", "c2c.bf", "c2c.mv"], shared.Sent.Select(s => s.Address));
        Assert.Single(shared.SendingConnections);
    }

    [Fact]
    public async Task A_country_without_a_usable_destination_is_refused_naming_what_to_configure()
    {
        using var bf = new AmqpNamespace(BfKey);
        bf.AddTopic("BF");
        bf.AddTopic("MV");
        await using var publisher = Publisher(bf.Destination("BF"), bf.Destination("MV") with { Problem = "SasKey is an unresolved Key Vault reference" });

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(To("IN", "for-in"), CancellationToken.None));
        Assert.Contains("C2C:Messaging:ServiceBus:Destinations:IN", unknown.Message);
        var unusable = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(To("MV", "for-mv"), CancellationToken.None));
        Assert.Contains("unresolved Key Vault reference", unusable.Message);
        Assert.Empty(bf.Sent);
        // The usable one still works.
        await publisher.PublishAsync(To("BF", "for-bf"), CancellationToken.None);
        Assert.Equal("c2c.bf", Assert.Single(bf.Sent).Address);
    }

    [Fact]
    public async Task A_body_at_the_limit_fits_the_topics_limit_with_its_whole_envelope()
    {
        var destination = new ServiceBusDestination("BF", new ServiceBusOptions { FullyQualifiedNamespace = "127.0.0.1", SasKeyName = "k", SasKey = "v" }, MaxMessageBytes: 256 * 1024);
        await using var publisher = Publisher(destination);
        var body = new byte[publisher.MaxBodyBytes("BF")!.Value];
        // The longest envelope the node writes: ids of 64 characters, a full traceparent, tracestate at its W3C maximum (512).
        var message = new BusMessage(new string('m', 64), new string('c', 64), "IE050", MessageFamily.Transit, "TG", "BF", body,
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", new string('t', 512), "26TGLOM0000001437J4");

        var encoded = ServiceBusMessages.ToAmqp(message).Encode().Length;

        Assert.Equal(256 * 1024 - ServiceBusDestination.EnvelopeBytes, body.Length);
        Assert.True(encoded <= destination.MaxMessageBytes, $"{encoded} bytes encoded > {destination.MaxMessageBytes}");
        // An unknown country gets the smallest limit, the Standard tier's.
        Assert.Equal(ServiceBusDestination.StandardMaxMessageBytes - ServiceBusDestination.EnvelopeBytes, publisher.MaxBodyBytes("MV"));
    }
}
