namespace C2C.Core.Transit;

/// <summary>An IE029: the office of departure releases an accepted declaration, in its latest version, for transit.</summary>
public sealed record ReleaseGranted(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, DateTimeOffset ReleasedAt)
    : TransitEvent(MessageId, "IE029", SenderOffice, RecipientOffice, Origin);
