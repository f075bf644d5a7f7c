using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>
/// Publishes one archived message to the partner's topic and returns once the broker confirmed it. Run twice (a
/// crash after the broker's confirmation, before the orchestration recorded it), the partner gets the same message
/// id twice and drops the second: its node deduplicates partner message ids.
/// </summary>
public sealed class PublishToPartner(NodeContext node, IMessageArchive archive, IMessagePublisher publisher) : TaskActivity<OutboundMessage, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, OutboundMessage input) => PublishAsync(node, archive, publisher, input);

    /// <summary>The archived message to the partner's topic, confirmed; also what <see cref="RecordMovementStep"/> does with a step's messages.</summary>
    public static async Task<string> PublishAsync(NodeContext node, IMessageArchive archive, IMessagePublisher publisher, OutboundMessage input)
    {
        var stored = await archive.ReadAsync(input.ArchiveName, CancellationToken.None)
            ?? throw new InvalidOperationException($"{input.MessageType} {input.MessageId} of {input.Mrn}: archive {input.ArchiveName} missing");
        var family = MessageCatalog.FindByCode(input.MessageType)?.Family ?? throw new InvalidOperationException($"unknown message type {input.MessageType}");
        await publisher.PublishAsync(new BusMessage(input.MessageId, input.CorrelationId, input.MessageType, family, node.Country, input.DestinationCountry,
            stored.Content, input.TraceParent, MovementReference: input.Mrn), CancellationToken.None);
        return input.MessageId;
    }
}
