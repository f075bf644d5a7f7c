namespace C2C.Core.Ports;

/// <summary>One original message to archive byte-for-byte, with the metadata an auditor searches by.</summary>
public sealed record ArchiveEntry(
    string MovementReference,
    int Sequence,
    string MessageType,
    string MessageId,
    MessageDirection Direction,
    string SenderOffice,
    string RecipientOffice,
    DateTimeOffset ReceivedAt,
    string SignatureStatus,
    ReadOnlyMemory<byte> Content);
