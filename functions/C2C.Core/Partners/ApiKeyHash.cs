using System.Security.Cryptography;
using System.Text;

namespace C2C.Core.Partners;

/// <summary>
/// SHA-256 hash of a partner's API key. Only the hash is configured; the key itself is never stored.
/// Keys are high-entropy random strings (256 bits), so a plain hash without salt or stretching is enough
/// and lets a lookup stay cheap. Comparison is constant-time.
/// </summary>
public sealed class ApiKeyHash
{
    /// <summary>Presented keys shorter than this are refused before hashing: they cannot be high-entropy keys.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>Longer keys are refused too (bounded work per request).</summary>
    public const int MaximumKeyLength = 512;

    private readonly byte[] _hash;

    private ApiKeyHash(byte[] hash) => _hash = hash;

    /// <summary>The hash as 64 lower-case hex digits, the form written in configuration (as `sha256sum` prints it).</summary>
    public string Hex => Convert.ToHexStringLower(_hash);

    /// <summary>Parses 64 hex digits (any case); null when the text is not a SHA-256 hash.</summary>
    public static ApiKeyHash? Parse(string? hex)
    {
        var trimmed = hex?.Trim();
        if (trimmed is null || trimmed.Length != 64 || !trimmed.All(Uri.IsHexDigit))
            return null;
        return new ApiKeyHash(Convert.FromHexString(trimmed));
    }

    /// <summary>Hash of a key (SHA-256 over its UTF-8 bytes, the same as `printf %s KEY | sha256sum`).</summary>
    public static ApiKeyHash Of(string apiKey) => new(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>A new random key (32 bytes, base64url without padding: 43 characters) and its hash.</summary>
    public static (string Key, ApiKeyHash Hash) Generate()
    {
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (key, Of(key));
    }

    /// <summary>Constant-time comparison: the time taken does not depend on where the hashes differ.</summary>
    public bool Matches(ApiKeyHash presented) => CryptographicOperations.FixedTimeEquals(_hash, presented._hash);

    public override string ToString() => Hex;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
