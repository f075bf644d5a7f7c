using C2C.Core.Outbound;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Telemetry;
using C2C.Core.Transit;
using C2C.Core.Validation;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>
/// A partner's message the movement refuses gets a functional NACK (IE906) on the partner's topic, archived like every
/// outbound message but outside the movement's history (sequence 0: a refusal changes nothing). Its id derives from
/// the refused message, so a second run archives and sends the same NACK. A national office's message is never
/// refused here: the HTTP front answers it at once from the indexed state.
/// </summary>
/// <returns>The NACK's message id, or "" when nothing is sent (a local message, one posted over HTTP, or a NACK to a NACK).</returns>
public sealed class SendFunctionalNack(NodeContext node, IMessageArchive archive, IMessageSigner signer, IMessagePublisher publisher) : TaskActivity<Refusal, string>
{
    private static readonly MessageValidator Validator = new();

    public override async Task<string> RunAsync(TaskActivityContext context, Refusal input)
    {
        var message = input.Message;
        if (!message.FromPartner || !message.FromTopic || MessageCatalog.FindByCode(message.MessageType)?.Family == MessageFamily.Control)
            return "";
        var header = (Validator.Validate(message.Raw).Message ?? throw new InvalidOperationException($"message {message.MessageId} no longer validates")).Header;
        var rejection = Rejection.Of(input.Error, header, message.MovementReference);
        var nackId = MessageIds.Derive(node.Country, "nack", message.MessageId, message.Sha256);
        var signed = signer.Sign(AcknowledgementComposer.Nack(rejection, nackId, node.GatewayOffice, header.SenderOffice, input.At));
        var country = header.SenderOffice[..2];
        var stored = await ArchiveOnce.StoreAsync(archive, new ArchiveEntry(message.MovementReference, 0, rejection.NackKind.Code, nackId, MessageDirection.Outbound,
            node.GatewayOffice, NodeOffices.Gateway(country), input.At, nameof(SignatureVerdict.Signed), signed), CancellationToken.None);
        var body = (await archive.ReadAsync(stored.Name, CancellationToken.None))!.Content;
        await PublishToPartner.Publish(publisher, new BusMessage(nackId, message.MessageId, rejection.NackKind.Code, MessageFamily.Control, node.Country, country, body,
            message.TraceParent, MovementReference: message.MovementReference));
        ExchangeTelemetry.CountNack(rejection);
        return nackId;
    }
}
