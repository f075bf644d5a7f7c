using Amqp;
using Amqp.Framing;
using Amqp.Handler;
using Amqp.Listener;
using Amqp.Types;

namespace C2C.Testing.ServiceBus;

/// <summary>
/// Attaches: a client sender on a topic gets the namespace's max-message-size back; a client receiver on a
/// subscription or its $DeadLetterQueue gets its peek-lock deliveries; anything else is amqp:not-found, which the
/// SDK reports as MessagingEntityNotFound.
/// </summary>
internal sealed class NamespaceLinks(ServiceBusNamespace owner) : ILinkProcessor
{
    public const uint BatchFormat = 0x80013700;

    public static string Normalize(string address) => address.Trim('/').ToLowerInvariant();

    public static string EntityPath(Attach attach) => Normalize((attach.Role ? (attach.Source as Source)?.Address : (attach.Target as Target)?.Address) ?? "");

    public void Process(AttachContext attachContext)
    {
        var path = EntityPath(attachContext.Attach);
        if (attachContext.Link.Role)
        {
            if (owner.FindTopic(path) is not { } topic)
            {
                attachContext.Complete(new Error(ErrorCode.NotFound) { Description = $"The messaging entity '{path}' could not be found." });
                return;
            }
            attachContext.Attach.MaxMessageSize = (ulong)owner.MaxMessageBytes;
            attachContext.Complete(new TopicEndpoint(owner, topic), 100);
            return;
        }
        if (owner.FindQueue(path) is not { } queue)
        {
            attachContext.Complete(new Error(ErrorCode.NotFound) { Description = $"The messaging entity '{path}' could not be found." });
            return;
        }
        queue.Attach(attachContext.Link);
        attachContext.Complete(new QueueEndpoint(queue), 0);
    }

    private sealed class TopicEndpoint(ServiceBusNamespace owner, TopicEntity topic) : LinkEndpoint
    {
        public override void OnMessage(MessageContext messageContext)
        {
            if (owner.RefuseSends is { } refusal)
            {
                messageContext.Complete(refusal);
                return;
            }
            var message = messageContext.Message;
            var messages = message.Format == BatchFormat && message.BodySection is DataList batch
                ? [.. Enumerable.Range(0, batch.Count).Select(i => Message.Decode(new ByteBuffer(batch[i].Binary, 0, batch[i].Binary.Length, batch[i].Binary.Length)))]
                : new[] { message };
            var encoded = messages.Select(StoredMessage.Encode).ToList();
            if (encoded.Sum(e => e.Length) > owner.MaxMessageBytes)
            {
                messageContext.Complete(new Error(new Symbol("amqp:link:message-size-exceeded")) { Description = $"larger than {owner.MaxMessageBytes} bytes" });
                return;
            }
            for (var i = 0; i < messages.Length; i++)
                topic.Accept(messages[i], encoded[i]);
            messageContext.Complete();
        }

        public override void OnFlow(FlowContext flowContext)
        {
        }

        public override void OnDisposition(DispositionContext dispositionContext)
        {
        }
    }

    private sealed class QueueEndpoint(SubscriptionQueue queue) : LinkEndpoint
    {
        public override void OnFlow(FlowContext flowContext) => queue.OnFlow(flowContext);

        public override void OnDisposition(DispositionContext dispositionContext) => queue.OnDisposition(dispositionContext);
    }
}

/// <summary>The SDK reads a delivery's lock token from its delivery tag (16 bytes, a GUID), as Service Bus sends it.</summary>
internal sealed class LockTokenTags : IHandler
{
    public bool CanHandle(EventId id) => id == EventId.SendDelivery;

    public void Handle(Event protocolEvent)
    {
        if (protocolEvent.Context is IDelivery { Message.MessageAnnotations: { } annotations } delivery && annotations[StoredMessage.LockToken] is Guid token)
            delivery.Tag = token.ToByteArray();
    }
}
