using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>A message on the way between two country nodes: the signed XML plus the properties brokers route on.</summary>
/// <param name="TraceParent">W3C trace context of the flow, carried across the border.</param>
/// <param name="MovementReference">The MRN (or consignment) the message is about: receivers handle one movement's messages in order.</param>
public sealed record BusMessage(
    string MessageId,
    string? CorrelationId,
    string MessageType,
    MessageFamily Family,
    string SourceCountry,
    string DestinationCountry,
    ReadOnlyMemory<byte> Body,
    string? TraceParent = null,
    string? TraceState = null,
    string? MovementReference = null);
