namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// Verdict on one received message, ready to be archived as metadata and used as a dead-letter reason.
/// <see cref="Reason"/> is printable ASCII and at most 300 characters.
/// </summary>
/// <param name="Status">The verdict.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="CertificateThumbprint">SHA-256 thumbprint of the certificate that verified (or was examined), if any.</param>
/// <param name="SignatureMethod">Signature method URI read from SignedInfo, if the signature got that far.</param>
public sealed record SignatureVerificationResult(SignatureStatus Status, string Reason, string? CertificateThumbprint, string? SignatureMethod)
{
    public bool IsValid => Status == SignatureStatus.Valid;

    /// <summary>"Status: reason", for a dead-letter reason or a NACK text.</summary>
    public string Describe() => $"{Status}: {Reason}";

    internal static SignatureVerificationResult Of(SignatureStatus status, string reason, string? thumbprint = null, string? method = null) =>
        new(status, MetadataText.Clean(reason), thumbprint, method is null ? null : MetadataText.Clean(method));
}
