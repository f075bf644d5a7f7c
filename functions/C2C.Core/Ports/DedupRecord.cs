namespace C2C.Core.Ports;

/// <summary>A message already applied: the same id and bytes get the same receipt again; other bytes are a conflict.</summary>
public sealed record DedupRecord(string MessageId, string MovementReference, string ContentSha256, int Sequence, byte[] Receipt);
