namespace C2C.Core.Transit;

/// <param name="MessageType">IE003 or IE115.</param>
public sealed record RecordResponded(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin, RouteFacts? Facts, string? RefusalCode)
    : TransitEvent(MessageId, MessageType, SenderOffice, RecipientOffice, Origin);
