using C2C.Core.Ports;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// Verdict on one received message, ready to be archived as metadata and used as a dead-letter reason.
/// <see cref="Reason"/> is printable ASCII and at most 300 characters.
/// </summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="CertificateThumbprint">SHA-256 thumbprint of the certificate that verified (or was examined), if any.</param>
/// <param name="SignatureMethod">Signature method URI read from SignedInfo, if the signature got that far.</param>
public sealed record SignatureVerificationResult(SignatureVerdict Verdict, string Reason, string? CertificateThumbprint, string? SignatureMethod)
{
    public bool IsValid => Verdict == SignatureVerdict.Valid;

    /// <summary>The verdict as the core's ports carry it (archived, used as a dead-letter reason or a NACK text).</summary>
    public SignatureCheck ToCheck(string? signedBy) => new(Verdict, Reason, IsValid ? signedBy : null);

    internal static SignatureVerificationResult Of(SignatureVerdict status, string reason, string? thumbprint = null, string? method = null) =>
        new(status, MetadataText.Clean(reason), thumbprint, method is null ? null : MetadataText.Clean(method));
}
