namespace C2C.Adapters.Security.Partners;

/// <summary>Configuration section <c>C2C:Identity</c>: this node's administration and its signing key.</summary>
public sealed class IdentityOptions
{
    public const string Section = "C2C:Identity";

    public string Country { get; set; } = "";

    public List<string> Offices { get; set; } = [];

    /// <summary>PKCS#12 file holding the signing certificate and key (with <see cref="SigningPfxPasswordFile"/>).</summary>
    public string? SigningPfxPath { get; set; }

    /// <summary>File holding the PFX password (never the password itself in configuration).</summary>
    public string? SigningPfxPasswordFile { get; set; }

    /// <summary>Alternative to the PFX: PEM certificate ...</summary>
    public string? SigningCertificatePemPath { get; set; }

    /// <summary>... and unencrypted PEM private key (file readable by the node only).</summary>
    public string? SigningKeyPemPath { get; set; }
}
