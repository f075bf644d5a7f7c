using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Partners;

namespace C2C.Adapters.Security.Partners;

/// <summary>
/// The <see cref="SigningTrust"/> of every partner, with registered PEM certificates loaded once at start-up.
/// A PEM whose thumbprint disagrees with the configured one stops the start-up (it would silently change the pin).
/// </summary>
public sealed class SigningTrustStore
{
    private readonly PartnerRegistry _registry;
    private readonly Dictionary<string, SigningTrust> _byPartner;

    private SigningTrustStore(PartnerRegistry registry, Dictionary<string, SigningTrust> byPartner)
    {
        _registry = registry;
        _byPartner = byPartner;
    }

    /// <summary>Loads the registered certificates; relative PEM paths are resolved against <paramref name="baseDirectory"/>.</summary>
    public static SigningTrustStore Load(PartnerRegistry registry, string baseDirectory)
    {
        var errors = new List<string>();
        var byPartner = new Dictionary<string, SigningTrust>(StringComparer.OrdinalIgnoreCase);
        foreach (var partner in registry.Partners)
        {
            var thumbprints = new List<string>();
            var certificates = new List<X509Certificate2>();
            foreach (var pin in partner.SigningCertificates)
            {
                if (pin.PemPath is null)
                {
                    thumbprints.Add(pin.Thumbprint!);
                    continue;
                }
                var path = Path.GetFullPath(pin.PemPath, baseDirectory);
                try
                {
                    var certificate = X509CertificateLoader.LoadCertificateFromFile(path);
                    var actual = CertificateThumbprint.Sha256(certificate);
                    if (pin.Thumbprint is not null && pin.Thumbprint != actual)
                        errors.Add($"partner '{partner.Id}': certificate {path} has thumbprint {actual}, configuration pins {pin.Thumbprint}");
                    else
                        certificates.Add(certificate);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
                {
                    errors.Add($"partner '{partner.Id}': cannot read signing certificate {path}: {e.Message}");
                }
            }
            byPartner[partner.Id] = new SigningTrust(partner.Id, thumbprints, certificates);
        }
        if (errors.Count > 0)
            throw new PartnerRegistryException(errors);
        return new SigningTrustStore(registry, byPartner);
    }

    public SigningTrust For(Partner partner) => _byPartner[partner.Id];

    /// <summary>Trust for the partner owning the sender office of a message (broker-delivered messages carry no API key).</summary>
    public SigningTrust? ForSenderOffice(string senderOffice) =>
        _registry.FindOfficeOwner(senderOffice) is { } partner ? For(partner) : null;
}
