using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace C2C.Testing.ServiceBus;

/// <summary>
/// A message as a Service Bus entity keeps it: the bytes the sender put on the wire, its sequence number, and how
/// many deliveries failed so far (AMQP header delivery-count; the SDK reports it plus one).
/// </summary>
public sealed record StoredMessage(long SequenceNumber, byte[] Wire, DateTime EnqueuedUtc, int FailedDeliveries = 0)
{
    public static readonly Symbol LockedUntil = new("x-opt-locked-until");
    public static readonly Symbol SequenceNumberAnnotation = new("x-opt-sequence-number");
    public static readonly Symbol EnqueuedTime = new("x-opt-enqueued-time");
    public static readonly Symbol LockToken = new("x-opt-lock-token");

    public Message Decode() => Message.Decode(new ByteBuffer(Wire, 0, Wire.Length, Wire.Length));

    public static byte[] Encode(Message message)
    {
        var buffer = message.Encode();
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }

    /// <summary>The message as delivered under a lock: the broker's annotations and the failed-delivery count.</summary>
    public Message ForDelivery(Guid lockToken, DateTime lockedUntilUtc)
    {
        var message = Decode();
        message.Header ??= new Header { Durable = true };
        message.Header.DeliveryCount = (uint)FailedDeliveries;
        message.MessageAnnotations ??= new MessageAnnotations();
        message.MessageAnnotations[SequenceNumberAnnotation] = SequenceNumber;
        message.MessageAnnotations[EnqueuedTime] = EnqueuedUtc;
        message.MessageAnnotations[LockedUntil] = lockedUntilUtc;
        message.MessageAnnotations[LockToken] = lockToken;
        return message;
    }

    /// <summary>The copy Service Bus moves to the dead-letter sub-queue: reason and description as application properties.</summary>
    public StoredMessage DeadLettered(long sequenceNumber, string reason, string description)
    {
        var message = Decode();
        message.ApplicationProperties ??= new ApplicationProperties();
        message.ApplicationProperties["DeadLetterReason"] = reason;
        message.ApplicationProperties["DeadLetterErrorDescription"] = description;
        return new StoredMessage(sequenceNumber, Encode(message), DateTime.UtcNow, FailedDeliveries);
    }

    public string? MessageId => Decode().Properties?.MessageId;

    public byte[] Body => Decode().Body as byte[] ?? [];

    public string? ApplicationProperty(string name) => Decode().ApplicationProperties is { } properties && properties.Map.ContainsKey(name) ? properties[name]?.ToString() : null;
}
