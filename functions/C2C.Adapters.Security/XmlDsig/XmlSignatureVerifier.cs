using C2C.Core.Ports;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// Verifies the signature of a message received from a partner administration, against that partner's
/// registered certificates only. The certificate in KeyInfo merely helps pick among them: an unregistered
/// certificate is refused even if the signature is mathematically correct.
/// </summary>
public sealed class XmlSignatureVerifier
{
    private const int MaxKeyInfoCertificates = 8;

    private readonly TimeProvider _time;

    public XmlSignatureVerifier(TimeProvider? time = null)
    {
        DsigAlgorithms.EnsureRegistered();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Never throws for bad input: every problem is a <see cref="SignatureVerificationResult"/>.</summary>
    /// <param name="at">When the certificate must have been valid (an archived message: when it was received); default now.</param>
    public SignatureVerificationResult Verify(ReadOnlySpan<byte> message, SigningTrust trust, DateTimeOffset? at = null)
    {
        XmlDocument document;
        try
        {
            document = SignableXml.Load(message);
        }
        catch (XmlException e)
        {
            return SignatureVerificationResult.Of(SignatureVerdict.Malformed, $"message refused unparsed: {e.Message}");
        }
        if (document.DocumentElement is null)
            return SignatureVerificationResult.Of(SignatureVerdict.Malformed, "message has no root element");

        var (signature, locateFailure) = SignatureStructure.Locate(document);
        if (signature is null)
            return locateFailure!;
        var (method, inspectFailure) = SignatureStructure.Inspect(signature);
        if (method is null)
            return inspectFailure!;

        var signedXml = new SignedXml(document);
        try
        {
            signedXml.LoadXml(signature);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            // Malformed base64 in SignatureValue, DigestValue or X509Certificate is the sender's fault, not ours.
            return SignatureVerificationResult.Of(SignatureVerdict.Invalid, $"signature element cannot be read: {e.Message}", method: method);
        }

        var (candidates, selectionFailure) = Candidates(signature, trust, method);
        if (selectionFailure is not null)
            return selectionFailure;
        return CheckWithCandidates(signedXml, candidates, trust, method, at ?? _time.GetUtcNow());
    }

    /// <summary>Pinned certificates from KeyInfo if it has any; otherwise the partner's registered certificates.</summary>
    private static (IReadOnlyList<X509Certificate2> Candidates, SignatureVerificationResult? Failure) Candidates(XmlElement signature, SigningTrust trust, string method)
    {
        List<X509Certificate2> embedded;
        try
        {
            embedded = KeyInfoCertificates(signature);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return ([], SignatureVerificationResult.Of(SignatureVerdict.Invalid, $"KeyInfo certificate cannot be read: {e.Message}", method: method));
        }
        if (embedded.Count > MaxKeyInfoCertificates)
            return ([], SignatureVerificationResult.Of(SignatureVerdict.Invalid, $"KeyInfo carries {embedded.Count} certificates; at most {MaxKeyInfoCertificates} are read", method: method));
        var pinned = embedded.Where(trust.Pins).ToList();
        if (pinned.Count > 0)
            return (pinned, null);
        if (embedded.Count > 0)
        {
            var first = embedded[0];
            return ([], SignatureVerificationResult.Of(SignatureVerdict.UnknownCertificate,
                $"certificate {CertificateThumbprint.Sha256(first)} ({first.Subject}) is not registered for partner '{trust.PartnerId}'",
                CertificateThumbprint.Sha256(first), method));
        }
        return trust.Certificates.Count > 0
            ? (trust.Certificates, null)
            : ([], SignatureVerificationResult.Of(SignatureVerdict.UnknownCertificate,
                $"message carries no certificate and partner '{trust.PartnerId}' has no registered certificate file to verify with", method: method));
    }

    /// <summary>
    /// A renewed certificate may carry the same key as the expired one it replaces: a signature that verifies with a
    /// certificate outside its validity is held back until every candidate has been tried.
    /// </summary>
    private static SignatureVerificationResult CheckWithCandidates(SignedXml signedXml, IReadOnlyList<X509Certificate2> candidates, SigningTrust trust, string method, DateTimeOffset at)
    {
        SignatureVerificationResult? keyProblem = null;
        SignatureVerificationResult? outsideValidity = null;
        foreach (var certificate in candidates)
        {
            var thumbprint = CertificateThumbprint.Sha256(certificate);
            var (key, problem) = SignatureKeyPolicy.PublicKeyFor(certificate, method);
            if (key is null)
            {
                keyProblem ??= SignatureVerificationResult.Of(SignatureVerdict.DisallowedAlgorithm, $"certificate {thumbprint}: {problem}", thumbprint, method);
                continue;
            }
            bool verified;
            try
            {
                verified = signedXml.CheckSignature(key);
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                return SignatureVerificationResult.Of(SignatureVerdict.Invalid, $"signature cannot be checked: {e.Message}", thumbprint, method);
            }
            finally
            {
                key.Dispose();
            }
            if (!verified)
                continue;
            var window = ValidityWindow(certificate, thumbprint, trust, method, at);
            if (window.IsValid)
                return window;
            outsideValidity ??= window;
        }
        return outsideValidity ?? keyProblem ?? SignatureVerificationResult.Of(SignatureVerdict.Invalid,
            candidates.Count == 1
                ? $"signature does not verify with certificate {CertificateThumbprint.Sha256(candidates[0])} of partner '{trust.PartnerId}' (content or SignedInfo altered)"
                : $"signature does not verify with any of the {candidates.Count} certificates of partner '{trust.PartnerId}'",
            candidates.Count == 1 ? CertificateThumbprint.Sha256(candidates[0]) : null, method);
    }

    private static SignatureVerificationResult ValidityWindow(X509Certificate2 certificate, string thumbprint, SigningTrust trust, string method, DateTimeOffset at)
    {
        if (at > certificate.NotAfter.ToUniversalTime())
            return SignatureVerificationResult.Of(SignatureVerdict.Expired, $"certificate {thumbprint} expired on {certificate.NotAfter.ToUniversalTime():O}", thumbprint, method);
        if (at < certificate.NotBefore.ToUniversalTime())
            return SignatureVerificationResult.Of(SignatureVerdict.NotYetValid, $"certificate {thumbprint} is valid only from {certificate.NotBefore.ToUniversalTime():O}", thumbprint, method);
        return SignatureVerificationResult.Of(SignatureVerdict.Valid, $"signed by partner '{trust.PartnerId}' with certificate {thumbprint}", thumbprint, method);
    }

    /// <summary>
    /// What reading a sender's signature can throw on bad input (base64, ASN.1, XML inside the signature): each is
    /// a verdict on the message, so the caller answers with a NACK instead of failing the request or the delivery.
    /// </summary>
    private static bool IsUnreadable(Exception e) =>
        e is CryptographicException or FormatException or XmlException or ArgumentException or InvalidOperationException or OverflowException;

    private static List<X509Certificate2> KeyInfoCertificates(XmlElement signature) =>
        SignatureStructure.Elements(signature)
            .Where(e => e.LocalName == "KeyInfo" && e.NamespaceURI == DsigAlgorithms.Namespace)
            .SelectMany(SignatureStructure.Elements)
            .Where(e => e.LocalName == "X509Data" && e.NamespaceURI == DsigAlgorithms.Namespace)
            .SelectMany(SignatureStructure.Elements)
            .Where(e => e.LocalName == "X509Certificate" && e.NamespaceURI == DsigAlgorithms.Namespace)
            .Take(MaxKeyInfoCertificates + 1)
            .Select(e => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(e.InnerText)))
            .ToList();
}
