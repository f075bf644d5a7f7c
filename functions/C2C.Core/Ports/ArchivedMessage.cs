namespace C2C.Core.Ports;

/// <summary>What the archive holds about one message (its metadata; content is read separately).</summary>
public sealed record ArchivedMessage(
    string Name,
    string MovementReference,
    string MessageType,
    string MessageId,
    MessageDirection Direction,
    string SenderOffice,
    string RecipientOffice,
    DateTimeOffset ReceivedAt,
    string Sha256,
    string SignatureStatus,
    long Length);
