namespace C2C.Core.Partners;

/// <summary>
/// Where the node's signing key lives: either a PKCS#12 file with its password in a separate file,
/// or a PEM certificate plus a PEM private key. Paths are relative to the configuration base directory.
/// </summary>
public sealed record SigningKeyLocation(
    string? PfxPath = null,
    string? PfxPasswordFile = null,
    string? CertificatePemPath = null,
    string? KeyPemPath = null,
    string? PfxBase64 = null)
{
    public bool IsPfx => PfxPath is not null;

    /// <summary>
    /// A PKCS#12 given inline, as the platform resolves a Key Vault reference in an app setting (the certificate's
    /// secret: base64, no password). Never written in a configuration file.
    /// </summary>
    public bool IsInlinePfx => PfxBase64 is not null;

    public bool IsPem => CertificatePemPath is not null || KeyPemPath is not null;
}
