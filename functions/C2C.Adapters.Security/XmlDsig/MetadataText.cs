using System.Text;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// Reasons end up in blob metadata (HTTP headers: printable ASCII only) and dead-letter reasons, and may quote
/// attacker-controlled names: keep them printable ASCII and short.
/// </summary>
internal static class MetadataText
{
    public const int MaxLength = 300;

    public static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text)
        {
            if (builder.Length == MaxLength)
                break;
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }
        return builder.ToString();
    }
}
