namespace C2C.Core.Transit;

/// <param name="MessageType">IE002 (arrival record request) or IE114 (transit record request).</param>
public sealed record RecordRequested(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string RequestingOffice)
    : TransitEvent(MessageId, MessageType, SenderOffice, RecipientOffice, Origin);
