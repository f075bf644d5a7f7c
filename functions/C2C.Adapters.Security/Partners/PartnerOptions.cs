namespace C2C.Adapters.Security.Partners;

/// <summary>One entry of the configuration section <c>C2C:Partners</c>, keyed by partner id.</summary>
public sealed class PartnerOptions
{
    public const string Section = "C2C:Partners";

    public string Country { get; set; } = "";

    public List<string> Offices { get; set; } = [];

    /// <summary>"Partner" or "Auditor" (exactly one).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>SHA-256 hashes (hex) of the API keys handed to this party.</summary>
    public List<string> ApiKeySha256 { get; set; } = [];

    /// <summary>SHA-256 thumbprints of client certificates accepted for mutual TLS.</summary>
    public List<string> ClientCertificateThumbprints { get; set; } = [];

    public List<SigningCertificateOptions> SigningCertificates { get; set; } = [];
}
