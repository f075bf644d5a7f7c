using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>A message still to publish to a partner's topic; its bytes are the archived outbound XML.</summary>
/// <param name="Sequence">Its place in the movement's history: pending items of a movement are published in this order.</param>
public sealed record OutboxItem(
    string MovementReference,
    int Sequence,
    string MessageId,
    string MessageType,
    MessageFamily Family,
    string DestinationCountry,
    string ArchiveName,
    string? CorrelationId,
    string? TraceParent);
