using C2C.Core.Ports;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using C2C.Adapters.Security.XmlDsig;

namespace C2C.Integration.Tests.Security;

/// <summary>
/// Rotation: an administration registers its renewed certificate next to the old one. A renewal may keep the key,
/// so a signature without KeyInfo verifies with both; the one valid now decides, whatever the registration order.
/// </summary>
public sealed class CertificateRenewalTests
{
    [Fact]
    public void A_renewed_certificate_with_the_same_key_verifies_although_the_expired_one_is_registered_first()
    {
        var now = DateTimeOffset.UtcNow;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Togo customs signing (renewed)", key, HashAlgorithmName.SHA256);
        using var expired = request.CreateSelfSigned(now.AddYears(-2), now.AddDays(-1));
        using var renewed = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var withoutKeyInfo = SampleMessage.Edit(Signing.Sign(renewed), (d, ns) =>
        {
            var keyInfo = d.SelectSingleNode("//ds:KeyInfo", ns)!;
            keyInfo.ParentNode!.RemoveChild(keyInfo);
        });

        var both = new SigningTrust("TG", [], [Public(expired), Public(renewed)]);
        var result = Signing.Verify(withoutKeyInfo, both);

        Assert.Equal(SignatureVerdict.Valid, result.Verdict);
        Assert.Equal(CertificateThumbprint.Sha256(renewed), result.CertificateThumbprint);
        Assert.Equal(SignatureVerdict.Expired, Signing.Verify(withoutKeyInfo, new SigningTrust("TG", [], [Public(expired)])).Verdict);
    }

    private static X509Certificate2 Public(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
