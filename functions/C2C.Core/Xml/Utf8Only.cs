using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace C2C.Core.Xml;

/// <summary>
/// Messages are UTF-8 and nothing else. An XML parser left alone guesses UTF-16 or UTF-32 from the first bytes even
/// without a byte order mark or declaration, and would accept (and the archive keep) what partners cannot read alike.
/// </summary>
public static partial class Utf8Only
{
    /// <returns>
    /// Why the bytes are not a UTF-8 message (a byte order mark or NUL bytes of UTF-16/32, invalid UTF-8, another
    /// encoding declared), or null when they are; a UTF-8 byte order mark is allowed.
    /// </returns>
    public static string? Problem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return "Only UTF-8 is accepted; the message starts with a UTF-16 or UTF-32 byte order mark.";
        // NUL is never a character of an XML document: in the first bytes it is UTF-16 or UTF-32 without a mark.
        if (bytes.IndexOf((byte)0) is var nul and >= 0)
            return nul < 4
                ? "Only UTF-8 is accepted; the message looks like UTF-16 or UTF-32 (NUL bytes among its first bytes)."
                : $"Only UTF-8 is accepted; the message holds a NUL byte at offset {nul}.";
        if (!Utf8.IsValid(bytes))
            return "Only UTF-8 is accepted; the message holds byte sequences that are not valid UTF-8.";
        // The XML declaration stands first (after a byte order mark) and is ASCII, so its first bytes tell what it declares.
        var head = System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 256)]);
        return DeclaredEncoding().Match(head) is { Success: true } declared && !declared.Groups["name"].Value.Equals("UTF-8", StringComparison.OrdinalIgnoreCase)
            ? $"Only UTF-8 is accepted; the message declares '{declared.Groups["name"].Value}'."
            : null;
    }

    /// <summary>XML 1.0's EncodingDecl inside the declaration: S 'encoding' Eq, the name in single or double quotes.</summary>
    [GeneratedRegex(@"\A﻿?<\?xml\s[^?]*?\sencoding\s*=\s*(?<q>[""'])(?<name>[^""']*)\k<q>", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredEncoding();
}
