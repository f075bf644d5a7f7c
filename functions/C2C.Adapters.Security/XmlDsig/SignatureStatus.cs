namespace C2C.Adapters.Security.XmlDsig;

/// <summary>Outcome of verifying a received message's signature. Only <see cref="Valid"/> lets a message through.</summary>
public enum SignatureStatus
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
}
