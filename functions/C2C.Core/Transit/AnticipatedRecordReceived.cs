namespace C2C.Core.Transit;

/// <param name="MessageType">IE050 (transit record) or IE001 (arrival record).</param>
public sealed record AnticipatedRecordReceived(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin, RouteFacts Facts)
    : TransitEvent(MessageId, MessageType, SenderOffice, RecipientOffice, Origin);
