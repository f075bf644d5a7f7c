using C2C.Core.Messages;
namespace C2C.Core.Transit;

/// <summary>An IE029: the office of departure releases an accepted declaration, in its latest version, for transit.</summary>
public sealed record ReleaseGranted(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, DateTimeOffset ReleasedAt)
    : TransitEvent(MessageId, MessageCodes.ReleaseForTransit, SenderOffice, RecipientOffice, Origin);
