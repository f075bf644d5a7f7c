namespace C2C.Core.Partners;

/// <summary>
/// A signing certificate registered for a partner administration. At least one of the two is set:
/// the SHA-256 thumbprint pins the certificate; the PEM path lets the node verify messages that carry no certificate.
/// When both are set, the certificate at the path must have that thumbprint.
/// </summary>
/// <param name="Thumbprint">SHA-256 thumbprint (64 hex digits, upper case, see <see cref="Thumbprints"/>), or null.</param>
/// <param name="PemPath">Path of the PEM certificate (relative to the node's configuration base directory), or null.</param>
public sealed record CertificatePin(string? Thumbprint, string? PemPath);
