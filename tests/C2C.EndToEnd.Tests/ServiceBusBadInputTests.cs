using System.Security.Cryptography.X509Certificates;
using Azure.Messaging.ServiceBus;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Messages;

namespace C2C.EndToEnd.Tests;

/// <summary>
/// Bad input on a node's Service Bus topic, put there by a partner with the SDK: each is dead-lettered with its
/// reason (and raised for operations), nothing is lost, and the node goes on with the next movement (no crash loop).
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class ServiceBusBadInputTests(LocalStack stack)
{
    [Fact]
    public async Task Unreadable_unsigned_and_unknown_messages_are_dead_lettered_with_their_reason_and_the_node_goes_on()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], broker: CorridorBroker.ServiceBus);
        var bfNamespace = corridor.Namespaces["BF"];
        var signer = new XmlMessageSigner(SigningCredential.FromCertificate(
            X509CertificateLoader.LoadPkcs12(corridor.Network.SigningCertificate("TG").Export(X509ContentType.Pkcs12), null)));
        await using (var client = new ServiceBusClient(bfNamespace.ConnectionString))
        await using (var sender = client.CreateSender("c2c.bf"))
        {
            ServiceBusMessage Message(string id, byte[] body, string family = "Transit", string? source = "TG")
            {
                var message = new ServiceBusMessage(body) { MessageId = id, ContentType = "application/xml" };
                message.ApplicationProperties["family"] = family;
                message.ApplicationProperties["messageType"] = "IE999";
                if (source is not null)
                    message.ApplicationProperties["sourceCountry"] = source;
                return message;
            }
            var unknownType = signer.Sign("<UnknownMessage xmlns=\"urn:c2c:transit\"><MessageId>TG-X-1</MessageId></UnknownMessage>"u8.ToArray());
            await sender.SendMessageAsync(Message("no-source", "<x/>"u8.ToArray(), source: null));      // a property missing
            await sender.SendMessageAsync(Message("unsigned", Movements.Sample("IE050-AnticipatedTransitRecord", Movements.NewMrn()))); // no signature
            await sender.SendMessageAsync(Message("unknown-type", unknownType));                       // signed, but no message we know
        }

        var deadLetters = bfNamespace.DeadLetterQueue("BF", MessageFamily.Transit);
        for (var attempt = 0; attempt < 150 && deadLetters.Available < 3; attempt++)
            await Task.Delay(200);
        var reasons = deadLetters.Snapshot().ToDictionary(m => m.MessageId!, m => m.ApplicationProperty("DeadLetterReason"));
        Assert.Equal("UnreadableEnvelope", reasons["no-source"]);
        Assert.Equal("InvalidSignature", reasons["unsigned"]);
        Assert.Equal("InvalidMessage", reasons["unknown-type"]);
        var alerts = (await corridor["BF"].AlertsAsync()).Select(a => (a.Kind, a.EnvelopeMessageId)).ToList();
        Assert.Contains(("InvalidSignature", "unsigned"), alerts);
        Assert.Contains(("InvalidMessage", "unknown-type"), alerts);
        Assert.Contains("unreadable envelope", corridor["BF"].Process.Log);

        // The node is still consuming: a movement released now reaches it.
        var mrn = Movements.NewMrn();
        await corridor["TG"].AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        await corridor["BF"].WaitForStatusAsync(mrn, "ExpectedAtBorder");
        Assert.Equal(3, deadLetters.Available);
    }
}
