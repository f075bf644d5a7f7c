namespace C2C.Core.Ports;

/// <param name="Kind">The dead-letter reason, e.g. InvalidSignature, WrongSender, InvalidMessage.</param>
/// <param name="ContentSha256">sha256 of the delivered bytes (hex): identifies the delivery and its archived copy.</param>
/// <param name="ArchiveName">Where the refused bytes were archived (the alert is raised only once they are).</param>
public sealed record OpsAlert(DateTimeOffset At, string Kind, string SourceCountry, string EnvelopeMessageId, string Detail, string ContentSha256, string ArchiveName);
