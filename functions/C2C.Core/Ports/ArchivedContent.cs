namespace C2C.Core.Ports;

public sealed record ArchivedContent(ArchivedMessage Message, byte[] Content);
