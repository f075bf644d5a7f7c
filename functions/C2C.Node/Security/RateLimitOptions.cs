namespace C2C.Node.Security;

/// <summary>Per-party rate limits on the API (configuration section C2C:RateLimits, <see cref="PartnerRateLimits"/>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "C2C:RateLimits";

    /// <summary>Budget of a partner (or an unidentified caller, per remote address) per minute.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Budget of an auditor per minute.</summary>
    public int AuditorPermitsPerMinute { get; set; } = 300;

    /// <summary>Requests at once before the per-minute budget applies.</summary>
    public int Burst { get; set; } = 100;
}
