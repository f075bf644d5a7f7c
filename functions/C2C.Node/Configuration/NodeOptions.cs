namespace C2C.Node.Configuration;

/// <summary>Node settings beyond identity and partners (C2C:Identity / C2C:Partners, see docs/security.md).</summary>
public sealed class NodeOptions
{
    public const string Section = "C2C";

    /// <summary>Largest message accepted over HTTP or from the bus, in bytes.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    public CorridorOptions Corridor { get; set; } = new();

    public MovementOptions Movements { get; set; } = new();

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

/// <summary>How the movements' orchestrations wait (not customs rules: those are <see cref="CorridorOptions"/>).</summary>
public sealed class MovementOptions
{
    /// <summary>How long a written-off or cancelled movement's orchestration still answers before it completes (a later message opens it again).</summary>
    public double StayOpenAfterCloseDays { get; set; } = 30;

    /// <summary>When a partner's broker still refuses after the publish activity's own retries, the movement waits this long and tries again.</summary>
    public double RetryPublishAfterSeconds { get; set; } = 300;

    /// <summary>How long ingest waits for the movement to acknowledge a message before it answers 503 (HTTP) or lets the broker redeliver.</summary>
    public double AcknowledgeWithinSeconds { get; set; } = 20;
}
