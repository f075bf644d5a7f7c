using C2C.Adapters.Security.Partners;
using C2C.Core.Partners;
using C2C.Core.Ports;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>The core's verification port: the sender office decides whose pinned certificates count.</summary>
public sealed class XmlDsigSignatureVerifier(PartnerRegistry registry, SigningTrustStore trust, XmlSignatureVerifier verifier) : ISignatureVerifier
{
    public SignatureCheck Verify(ReadOnlySpan<byte> xml, string senderOffice)
    {
        if (trust.ForSenderOffice(senderOffice) is not { } partnerTrust)
            return new SignatureCheck(false, $"UnknownCertificate: no partner administration owns sender office {senderOffice}");
        var result = verifier.Verify(xml, partnerTrust);
        return new SignatureCheck(result.IsValid, result.Describe());
    }

    public SignatureCheck VerifyFromCountry(ReadOnlySpan<byte> xml, string country)
    {
        var administration = registry.Partners.FirstOrDefault(p => p.Country == country && p.Has(PartnerRole.Partner) && p.SigningCertificates.Count > 0);
        if (administration is null)
            return new SignatureCheck(false, $"UnknownCertificate: no partner administration of {country} is registered");
        var result = verifier.Verify(xml, trust.For(administration));
        return new SignatureCheck(result.IsValid, result.Describe());
    }
}
