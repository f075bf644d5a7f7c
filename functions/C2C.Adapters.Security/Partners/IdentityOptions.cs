namespace C2C.Adapters.Security.Partners;

/// <summary>Configuration section <c>C2C:Identity</c>: this node's administration and its signing key.</summary>
public sealed class IdentityOptions
{
    public const string Section = "C2C:Identity";

    public string Country { get; set; } = "";

    public List<string> Offices { get; set; } = [];

    /// <summary>PKCS#12 file holding the signing certificate and key (with <see cref="SigningPfxPasswordFile"/>).</summary>
    public string? SigningPfxPath { get; set; }

    /// <summary>
    /// Alternative on Azure: the signing certificate's Key Vault secret (base64 PKCS#12, no password), given as an app
    /// setting holding a Key Vault reference (@Microsoft.KeyVault(VaultName=…;SecretName=signing)) that the platform
    /// resolves with the app's managed identity.
    /// </summary>
    public string? SigningPfxBase64 { get; set; }

    /// <summary>File holding the PFX password (never the password itself in configuration).</summary>
    public string? SigningPfxPasswordFile { get; set; }

    /// <summary>Alternative to the PFX: PEM certificate ...</summary>
    public string? SigningCertificatePemPath { get; set; }

    /// <summary>... and unencrypted PEM private key (file readable by the node only).</summary>
    public string? SigningKeyPemPath { get; set; }
}
