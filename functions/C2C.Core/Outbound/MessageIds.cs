using System.Security.Cryptography;
using System.Text;

namespace C2C.Core.Outbound;

/// <summary>
/// Ids of messages a node emits, derived from what triggered them: a retried decision emits the same ids, so a
/// partner's dedup recognises a re-sent message even across a crash of this node.
/// </summary>
public static class MessageIds
{
    public static string Derive(string country, params string[] trigger)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', trigger)));
        return $"{country}-{Convert.ToHexString(hash, 0, 12)}";
    }
}
