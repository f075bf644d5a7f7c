namespace C2C.Core.Ports;

/// <summary>Signs a cross-border message with this administration's key (XMLDSig, enveloped).</summary>
public interface IMessageSigner
{
    byte[] Sign(ReadOnlySpan<byte> xml);
}

/// <summary>Verifies a partner administration's signature against the certificates registered for it.</summary>
public interface ISignatureVerifier
{
    /// <summary>Against the owner of the sender office; certificates' validity at <paramref name="at"/> (default: now).</summary>
    SignatureCheck Verify(ReadOnlySpan<byte> xml, string senderOffice, DateTimeOffset? at = null);

    /// <summary>Against the authenticated partner that posted it, before the message is read for meaning.</summary>
    SignatureCheck VerifyFrom(ReadOnlySpan<byte> xml, Partners.Partner partner);

    /// <summary>Against any administration of <paramref name="country"/> before the message is read for meaning.</summary>
    SignatureCheck VerifyFromCountry(ReadOnlySpan<byte> xml, string country);
}

/// <param name="Status">Archived as the message's signature status (e.g. "Valid", "Invalid: digest mismatch").</param>
/// <param name="SignedBy">Id of the registered partner whose certificate verified it (valid signatures only).</param>
public sealed record SignatureCheck(bool IsValid, string Status, string? SignedBy = null);
