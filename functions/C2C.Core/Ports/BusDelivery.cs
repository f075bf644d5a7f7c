using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>A received bus message with its delivery count (1 on first delivery).</summary>
public sealed record BusDelivery(BusMessage Message, int DeliveryCount);
