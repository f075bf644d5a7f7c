namespace C2C.Core.Partners;

/// <summary>Outcome of an authentication or authorization check.</summary>
/// <param name="Partner">The party concerned, when known.</param>
/// <param name="Denial">Null when allowed; otherwise the machine-readable reason.</param>
/// <param name="Message">Human-readable explanation, safe to return to the caller (names no secret).</param>
public sealed record AccessDecision(Partner? Partner, AccessDenial? Denial, string Message)
{
    public bool IsAllowed => Denial is null;

    /// <summary>True when the caller could not be identified (HTTP 401 rather than 403).</summary>
    public bool IsAuthenticationFailure => Denial is AccessDenial.MissingCredentials or AccessDenial.UnknownCredentials;

    /// <summary>Stable code for logs and NACKs, e.g. "SenderOfficeNotOwned"; "Allowed" when allowed.</summary>
    public string Code => Denial?.ToString() ?? "Allowed";

    public static AccessDecision Allow(Partner partner, string message) => new(partner, null, message);

    public static AccessDecision Deny(Partner? partner, AccessDenial denial, string message) => new(partner, denial, message);
}
