using C2C.Core.Partners;
using C2C.Node.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace C2C.Node.Tests.Security;

/// <summary>A client certificate is valid or expired by the node's clock, the one every other date is judged by.</summary>
public sealed class ClientCertificateClockTests
{
    [Fact]
    public void A_registered_client_certificate_is_refused_once_the_nodes_clock_is_past_its_end()
    {
        using var certificate = TestCertificates.Rsa("Burkina Faso customs client (test)");
        var thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var partner = new Partner("BF", "BF", new HashSet<string> { "BFOUA001" }, new HashSet<PartnerRole> { PartnerRole.Partner }, [],
            new HashSet<string> { thumbprint }, [new CertificatePin(new string('A', 64), null)]);
        var registry = PartnerRegistry.Create(new NodeIdentity("TG", new HashSet<string> { "TGC2C000" }, new SigningKeyLocation(PfxBase64: "unused")), [partner]);
        var clock = new MovableClock();
        var resolver = new CallerResolver(registry, new ForwardedCertificateTrust(NullLogger<ForwardedCertificateTrust>.Instance),
            allowApiKeys: false, clock);
        HttpContext Request()
        {
            var context = new DefaultHttpContext();
            context.Connection.ClientCertificate = new System.Security.Cryptography.X509Certificates.X509Certificate2(certificate);
            return context;
        }

        Assert.True(resolver.Resolve(Request()).IsAllowed);
        clock.Offset = certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow + TimeSpan.FromDays(1);
        var later = resolver.Resolve(Request());
        Assert.False(later.IsAllowed);
        Assert.Contains("expired", later.Message);
    }
}
