namespace C2C.Core.Ports;

/// <summary>
/// What is known of a message's signature, as archived with it. Of a partner's message, only <see cref="Valid"/> lets it
/// through; a national office's message needs none (<see cref="Unsigned"/>); what this node sends across a border is
/// <see cref="Signed"/>.
/// </summary>
public enum SignatureVerdict
{
    /// <summary>Signed by a pinned certificate of the sending partner, within its validity, with allowed algorithms.</summary>
    Valid,

    /// <summary>The message carries no ds:Signature.</summary>
    Missing,

    /// <summary>The message is not well-formed, or contains a DTD (refused unparsed), or is too large.</summary>
    Malformed,

    /// <summary>The signature does not verify (content or SignedInfo altered, wrong key) or is structurally broken.</summary>
    Invalid,

    /// <summary>The certificate used is not registered (pinned) for the sending partner.</summary>
    UnknownCertificate,

    /// <summary>The signing certificate's validity period has ended.</summary>
    Expired,

    /// <summary>The signing certificate's validity period has not begun.</summary>
    NotYetValid,

    /// <summary>A signature, digest, canonicalisation or transform algorithm outside the allow-list, or a weak key.</summary>
    DisallowedAlgorithm,

    /// <summary>The structure allows signature wrapping: a second signature, a signature not at the end of the root, a reference other than URI="", ds:Object content.</summary>
    WrappingSuspected,

    /// <summary>Not signed and not needed: from a national office system over its authenticated channel, or sent within the country.</summary>
    Unsigned,

    /// <summary>Signed with this administration's key: a message this node sent across a border.</summary>
    Signed,
}
