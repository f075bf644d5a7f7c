using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>A message still to publish to a partner's topic; its bytes are the archived outbound XML.</summary>
public sealed record OutboxItem(
    string MovementReference,
    string MessageId,
    string MessageType,
    MessageFamily Family,
    string DestinationCountry,
    string ArchiveName,
    string? CorrelationId,
    string? TraceParent);
