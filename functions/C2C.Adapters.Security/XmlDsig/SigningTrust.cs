using System.Security.Cryptography.X509Certificates;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// What a partner's signatures are checked against: the SHA-256 thumbprints pinned in the registry, and the
/// certificates loaded from registered PEM files (those are pinned too). A certificate found in a message's
/// KeyInfo is used only if it is pinned here.
/// </summary>
public sealed class SigningTrust
{
    public SigningTrust(string partnerId, IEnumerable<string> pinnedThumbprints, IEnumerable<X509Certificate2> certificates)
    {
        PartnerId = partnerId;
        Certificates = certificates.ToList();
        var pins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        pins.UnionWith(pinnedThumbprints);
        pins.UnionWith(Certificates.Select(CertificateThumbprint.Sha256));
        PinnedThumbprints = pins;
    }

    public string PartnerId { get; }

    public IReadOnlySet<string> PinnedThumbprints { get; }

    /// <summary>Registered certificates, used when a message carries no (pinned) certificate of its own.</summary>
    public IReadOnlyList<X509Certificate2> Certificates { get; }

    public bool Pins(X509Certificate2 certificate) => PinnedThumbprints.Contains(CertificateThumbprint.Sha256(certificate));
}
