using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using C2C.Core.Ports;

namespace C2C.Core.Archive;

/// <summary>
/// Tamper-evident history: each event's hash covers the previous hash and the event's fields, so changing,
/// removing or reordering any stored event breaks every hash after it.
/// </summary>
public static class EventHashChain
{
    /// <summary>The previous hash of a movement's first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previousHash, MovementEvent e)
    {
        // Unit separator between fields: no field can contain it, so the encoding is unambiguous.
        var canonical = string.Join('\u001f', previousHash, e.Sequence.ToString(CultureInfo.InvariantCulture), e.MessageId,
            e.MessageType, e.Direction.ToString(), e.SenderOffice, e.RecipientOffice, e.ArchiveName, e.ContentSha256,
            e.StatusAfter, e.History, e.AppliedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Returns the event with PreviousHash and Hash filled in, following <paramref name="previousHash"/>.</summary>
    public static MovementEvent Seal(string previousHash, MovementEvent e)
    {
        var withPrevious = e with { PreviousHash = previousHash, Hash = "" };
        return withPrevious with { Hash = Hash(previousHash, withPrevious) };
    }

    /// <summary>Sequence number of the first event that does not verify, or null if the whole chain holds.</summary>
    public static int? FirstBroken(IEnumerable<MovementEvent> history, string? headHash = null)
    {
        var previous = Genesis;
        var expectedSequence = 1;
        foreach (var e in history)
        {
            if (e.Sequence != expectedSequence || e.PreviousHash != previous || e.Hash != Hash(previous, e))
                return e.Sequence;
            previous = e.Hash;
            expectedSequence++;
        }
        return headHash is not null && headHash != previous ? expectedSequence : null;
    }
}
