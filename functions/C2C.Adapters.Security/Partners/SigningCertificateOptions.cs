namespace C2C.Adapters.Security.Partners;

/// <summary>A partner's signing certificate: its SHA-256 thumbprint, a PEM file, or both (then they must agree).</summary>
public sealed class SigningCertificateOptions
{
    public string? Thumbprint { get; set; }

    public string? PemPath { get; set; }
}
