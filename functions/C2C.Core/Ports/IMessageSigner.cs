namespace C2C.Core.Ports;

/// <summary>Signs a cross-border message with this administration's key (XMLDSig, enveloped).</summary>
public interface IMessageSigner
{
    byte[] Sign(ReadOnlySpan<byte> xml);
}

/// <summary>Verifies a partner node's signature against the certificates registered for the sender office.</summary>
public interface ISignatureVerifier
{
    SignatureCheck Verify(ReadOnlySpan<byte> xml, string senderOffice);

    /// <summary>Verifies against the administration of <paramref name="country"/> before the message is read for meaning.</summary>
    SignatureCheck VerifyFromCountry(ReadOnlySpan<byte> xml, string country);
}

/// <param name="Status">Archived as the message's signature status (e.g. "Valid", "Invalid: digest mismatch").</param>
public sealed record SignatureCheck(bool IsValid, string Status);
