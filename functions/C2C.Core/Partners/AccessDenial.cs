namespace C2C.Core.Partners;

/// <summary>Why a request was refused. The HTTP layer maps the first two to 401, the others to 403 (+ NACK for posts).</summary>
public enum AccessDenial
{
    /// <summary>No API key or client certificate was presented.</summary>
    MissingCredentials,

    /// <summary>The credentials presented belong to no registered party.</summary>
    UnknownCredentials,

    /// <summary>The party is known but lacks the role (an auditor posting, a partner opening the console).</summary>
    RoleNotGranted,

    /// <summary>The message's sender office is not one the partner owns.</summary>
    SenderOfficeNotOwned,

    /// <summary>None of the partner's offices took part in the movement it asked to read.</summary>
    NotAPartyToTheMovement,
}
