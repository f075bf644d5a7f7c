using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Telemetry;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace C2C.Adapters.RabbitMq;

/// <summary>
/// A family's dead-letter queue (c2c.{cc}.{family}.dlq): deliveries are taken with basic.get and left unacknowledged
/// until every one of the pass is taken (so none comes twice), then each is acknowledged (removed) or returned with
/// requeue (kept). The reason is the one the consumer put in the copy's headers. Returning counts a delivery on a
/// quorum queue; the dead-letter queue has no delivery limit here (RabbitMQ 3.x). On RabbitMQ 4 quorum queues have a
/// default limit of 20: give the dead-letter queues a policy with delivery-limit -1 there (docs/observability.md).
/// </summary>
public sealed class RabbitMqDeadLetters(RabbitMqConnections connections) : IDeadLetterQueue
{
    public async Task<int> SweepAsync(string country, MessageFamily family, int max, Func<DeadLetter, CancellationToken, Task<bool>> settle, CancellationToken cancellationToken)
    {
        var queue = RabbitMqNames.DeadLetterQueue(country, family);
        var connection = await connections.OpenAsync($"dead-letters-{Topology.Subscription(family)}", cancellationToken);
        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            }
            catch (OperationInterruptedException)
            {
                return 0; // never declared: the node has not consumed this family yet, so nothing was dead-lettered
            }
            var taken = new List<BasicGetResult>();
            while (taken.Count < max && await ExchangeTelemetry.TimeAsync(ExchangeTelemetry.BrokerDuration, "deadletter.get",
                       () => channel.BasicGetAsync(queue, autoAck: false, cancellationToken)) is { } got)
                taken.Add(got);
            var settled = new HashSet<ulong>();
            try
            {
                foreach (var got in taken)
                {
                    var remove = await settle(Letter(got, family), cancellationToken);
                    if (remove)
                        await channel.BasicAckAsync(got.DeliveryTag, multiple: false, CancellationToken.None);
                    else
                        await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                    settled.Add(got.DeliveryTag);
                }
            }
            finally
            {
                // Whatever was not settled (a failure, a cancellation) goes back as it was.
                foreach (var got in taken.Where(g => !settled.Contains(g.DeliveryTag)))
                    await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
            }
            return taken.Count;
        }
        finally
        {
            await RabbitMqConnections.CloseQuietlyAsync(connection);
        }
    }

    private static DeadLetter Letter(BasicGetResult got, MessageFamily family)
    {
        var headers = got.BasicProperties.Headers ?? new Dictionary<string, object?>();
        var reason = RabbitMqProperties.Text(headers, RabbitMqProperties.DeadLetterReason) ?? "Rejected";
        var description = RabbitMqProperties.Text(headers, RabbitMqProperties.DeadLetterDescription) ?? "";
        DateTimeOffset? at = got.BasicProperties.IsTimestampPresent() ? DateTimeOffset.FromUnixTimeSeconds(got.BasicProperties.Timestamp.UnixTime) : null;
        try
        {
            return new DeadLetter(RabbitMqProperties.ToDelivery(got.BasicProperties, got.Body, redelivered: false).Message, reason, description, at);
        }
        catch (InvalidDataException)
        {
            return new DeadLetter(new BusMessage(got.BasicProperties.MessageId ?? "", null, got.BasicProperties.Type ?? "", family, "", "", got.Body.ToArray()),
                reason, description, at, Readable: false);
        }
    }
}
