namespace C2C.Core.Transit;

/// <summary>A message as the process manager sees it: typed facts, no XML.</summary>
public abstract record TransitEvent(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin);
