namespace C2C.Core.Ports;

/// <summary>One applied message in a movement's history, chained to the previous one by hash.</summary>
/// <param name="PreviousHash">Filled by <see cref="Archive.EventHashChain.Seal"/>, as is <paramref name="Hash"/>.</param>
public sealed record MovementEvent(
    int Sequence,
    string MessageId,
    string MessageType,
    MessageDirection Direction,
    string SenderOffice,
    string RecipientOffice,
    string ArchiveName,
    string ContentSha256,
    Exchange.MovementStatus StatusAfter,
    string History,
    DateTimeOffset AppliedAt,
    string PreviousHash = "",
    string Hash = "");
