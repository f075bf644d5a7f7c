using System.Security.Cryptography;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Telemetry;

namespace C2C.Core.Exchange;

/// <param name="ArchiveName">The copy archived under _refused/ when it was dead-lettered (null when none was: an unreadable envelope).</param>
/// <param name="MovementReference">The MRN or consignment its envelope names (unverified: the sender wrote it).</param>
public sealed record DeadLetterView(string Family, string MessageId, string MessageType, string SourceCountry, string? MovementReference, string Reason, string Description,
    DateTimeOffset? EnqueuedAt, string ContentSha256, string? ArchiveName, bool Readable, int Bytes);
