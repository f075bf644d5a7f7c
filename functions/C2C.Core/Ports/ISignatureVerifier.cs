namespace C2C.Core.Ports;

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
