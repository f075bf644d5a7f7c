namespace C2C.Core.Ports;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
