namespace C2C.Core.Cargo;

/// <summary>
/// A SASEC message (or what the node raises itself about a cargo record) as the cargo decider sees it: typed facts, no
/// XML. Read once at ingest (<see cref="CargoEventReader"/>), so a decision replayed later never parses a message.
/// </summary>
public abstract record CargoEvent(string MessageId, string MessageType, string SenderOffice);
