namespace C2C.Node.Configuration;

/// <summary>Node settings beyond identity and partners (C2C:Identity / C2C:Partners, see docs/security.md).</summary>
public sealed class NodeOptions
{
    public const string Section = "C2C";

    /// <summary>Largest message accepted over HTTP or from the bus, in bytes.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    public CorridorOptions Corridor { get; set; } = new();

    public AuthenticationOptions Authentication { get; set; } = new();
}

public sealed class AuthenticationOptions
{
    /// <summary>X-Api-Key is accepted besides client certificates (development, local); production turns it off.</summary>
    public bool AllowApiKeys { get; set; } = true;
}

public sealed class CorridorOptions
{
    public int ControlResultsWithinDays { get; set; } = 6;

    public int EnquiryAfterExpiryDays { get; set; } = 7;

    public int EnquiryAnswerWithinDays { get; set; } = 28;

    /// <summary>How long a partner's message that came before the one it follows is held (then refused with a NACK).</summary>
    public int HoldEarlyMessagesSeconds { get; set; } = 3600;

    /// <summary>How long a partner's message about a movement with no record here yet waits for the record (then refused, 90).</summary>
    public int HoldUnknownMovementSeconds { get; set; } = 300;
}
