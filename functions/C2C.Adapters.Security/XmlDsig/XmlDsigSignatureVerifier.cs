using C2C.Adapters.Security.Partners;
using C2C.Core.Partners;
using C2C.Core.Ports;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>The core's verification port: whose pinned certificates count is decided by the caller's question.</summary>
public sealed class XmlDsigSignatureVerifier(PartnerRegistry registry, SigningTrustStore trust, XmlSignatureVerifier verifier) : ISignatureVerifier
{
    public SignatureCheck Verify(ReadOnlySpan<byte> xml, string senderOffice, DateTimeOffset? at = null)
    {
        if (trust.ForSenderOffice(senderOffice) is not { } partnerTrust)
            return new SignatureCheck(SignatureVerdict.UnknownCertificate, $"no partner administration owns sender office {senderOffice}");
        return Check(xml, partnerTrust, at);
    }

    public SignatureCheck VerifyFrom(ReadOnlySpan<byte> xml, Partner partner) => Check(xml, trust.For(partner), null);

    /// <summary>
    /// A country may register several administrations (each with its own offices and certificates): the message is
    /// authentic if any of them signed it with a registered certificate valid now. The first refusal is reported.
    /// </summary>
    public SignatureCheck VerifyFromCountry(ReadOnlySpan<byte> xml, string country)
    {
        SignatureCheck? refusal = null;
        foreach (var administration in registry.Partners.Where(p => p.Country == country && p.Has(PartnerRole.Partner) && p.SigningCertificates.Count > 0))
        {
            var check = Check(xml, trust.For(administration), null);
            if (check.IsValid)
                return check;
            refusal ??= check;
        }
        return refusal ?? new SignatureCheck(SignatureVerdict.UnknownCertificate, $"no partner administration of {country} is registered");
    }

    private SignatureCheck Check(ReadOnlySpan<byte> xml, SigningTrust partnerTrust, DateTimeOffset? at)
    {
        var result = verifier.Verify(xml, partnerTrust, at);
        return result.ToCheck(partnerTrust.PartnerId);
    }
}
