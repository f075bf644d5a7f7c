using System.Security.Cryptography;
using C2C.Core.Ports;

namespace C2C.Core.Archive;

/// <summary>
/// An auditor's integrity check of one movement: the hash chain of its history, each archived original against the
/// hash indexed (and chained) when it was applied, and the XML signature of what partner administrations sent.
/// A signature is judged at the time its message was received (the event's chained applied-at, the instant the
/// archive records as received-at): a message valid then stays valid after its certificate expires.
/// </summary>
public static class MovementIntegrity
{
    /// <param name="contents">Archived bytes by archive name (null: the blob is missing).</param>
    /// <param name="verify">Signature verification of a partner's message for its sender office, certificates valid at the given time.</param>
    public static IReadOnlyList<IntegrityCheck> Check(IReadOnlyList<MovementEvent> history, string? headHash, IReadOnlyDictionary<string, byte[]?> contents,
        string ownCountry, Func<byte[], string, DateTimeOffset, SignatureCheck> verify)
    {
        var checks = new List<IntegrityCheck>();
        var broken = EventHashChain.FirstBroken(history, headHash);
        checks.Add(new IntegrityCheck("hash chain", $"{history.Count} events", broken is null,
            broken is null ? "every event chains to the previous one and to the state's head" : $"broken at event #{broken}: an event was changed, removed or reordered"));
        foreach (var e in history.Where(e => e.ArchiveName.Length > 0))
        {
            var subject = $"#{e.Sequence} {e.MessageType} {e.Direction}";
            var content = contents.TryGetValue(e.ArchiveName, out var bytes) ? bytes : null;
            if (content is null)
            {
                checks.Add(new IntegrityCheck("archived original", subject, false, $"blob {e.ArchiveName} is missing"));
                continue;
            }
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            checks.Add(new IntegrityCheck("archived original", subject, sha256 == e.ContentSha256,
                sha256 == e.ContentSha256 ? $"sha256 {sha256[..16]}… matches the indexed hash" : $"sha256 {sha256[..16]}… differs from the indexed {e.ContentSha256[..Math.Min(16, e.ContentSha256.Length)]}…: the blob was changed"));
            if (e.Direction == MessageDirection.Inbound && e.SenderOffice.Length == 8 && e.SenderOffice[..2] != ownCountry)
            {
                var signature = verify(content, e.SenderOffice, e.AppliedAt);
                checks.Add(new IntegrityCheck("partner signature", subject, signature.IsValid,
                    $"{signature.Description} (as of {e.AppliedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, when it was received)"));
            }
        }
        return checks;
    }
}
