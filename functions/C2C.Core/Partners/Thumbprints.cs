namespace C2C.Core.Partners;

/// <summary>
/// SHA-256 certificate thumbprints as written in configuration. Accepts the `openssl x509 -fingerprint -sha256`
/// form (colon separated, any case) so operators can paste it; stores 64 upper-case hex digits.
/// SHA-1 thumbprints are refused: pinning must not rest on a broken hash.
/// </summary>
public static class Thumbprints
{
    public const int Sha256HexLength = 64;

    /// <summary>Normalises a thumbprint, or returns null when it is not a SHA-256 thumbprint.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null)
            return null;
        var trimmed = value.Trim();
        if (trimmed.StartsWith("sha256 fingerprint=", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed["sha256 fingerprint=".Length..];
        var hex = trimmed.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length == Sha256HexLength && hex.All(Uri.IsHexDigit) ? hex : null;
    }
}
