namespace C2C.Core.Partners;

/// <summary>
/// A party registered at this node: a partner administration that exchanges messages with it, or an auditor.
/// Holds no secret: API keys are kept as SHA-256 hashes, certificates as thumbprints or public PEM files.
/// </summary>
/// <param name="Id">Stable identifier used in configuration and logs, e.g. "BF" or "TG_AUDIT".</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the administration.</param>
/// <param name="Offices">Customs office reference numbers the partner owns (it may send from these only).</param>
/// <param name="Roles">Granted roles; a party is either a partner or an auditor, never both.</param>
/// <param name="ApiKeyHashes">SHA-256 hashes of the partner's API keys (more than one allows rotation).</param>
/// <param name="ClientCertificateThumbprints">SHA-256 thumbprints of client certificates accepted for mutual TLS.</param>
/// <param name="SigningCertificates">Certificates of the administration's message signing keys.</param>
public sealed record Partner(
    string Id,
    string Country,
    IReadOnlySet<string> Offices,
    IReadOnlySet<PartnerRole> Roles,
    IReadOnlyList<ApiKeyHash> ApiKeyHashes,
    IReadOnlySet<string> ClientCertificateThumbprints,
    IReadOnlyList<CertificatePin> SigningCertificates)
{
    public bool Has(PartnerRole role) => Roles.Contains(role);

    public bool Owns(string officeRef) => Offices.Contains(officeRef);
}
