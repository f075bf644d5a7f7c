using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace C2C.Testing;

/// <summary>
/// Throwaway certificates made in memory (CertificateRequest) for tests: signing certificates of an
/// administration (RSA or ECDSA), a CA, TLS server and client certificates for mutual TLS.
/// Nothing is written to disk. Default validity: from one day ago to one year ahead.
/// </summary>
public static class TestCertificates
{
    /// <summary>Self-signed RSA signing certificate with its private key (2048 bits keeps tests fast).</summary>
    public static X509Certificate2 Rsa(string commonName, int keySize = 2048, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(keySize);
        var request = new CertificateRequest(Subject(commonName), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        AddSigningExtensions(request);
        return request.CreateSelfSigned(notBefore ?? DefaultNotBefore, notAfter ?? DefaultNotAfter);
    }

    /// <summary>Self-signed ECDSA signing certificate (P-256 unless told otherwise) with its private key.</summary>
    public static X509Certificate2 Ecdsa(string commonName, ECCurve? curve = null, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Subject(commonName), key, HashAlgorithmName.SHA256);
        AddSigningExtensions(request);
        return request.CreateSelfSigned(notBefore ?? DefaultNotBefore, notAfter ?? DefaultNotAfter);
    }

    /// <summary>A certificate authority (ECDSA P-256) able to issue the TLS certificates below.</summary>
    public static X509Certificate2 Authority(string commonName = "C2C test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Subject(commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DefaultNotBefore, DefaultNotAfter.AddYears(1));
    }

    /// <summary>TLS server certificate for 127.0.0.1 and localhost, issued by <paramref name="authority"/>.</summary>
    public static X509Certificate2 TlsServer(X509Certificate2 authority, string commonName = "localhost")
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        return Issue(authority, commonName, "1.3.6.1.5.5.7.3.1", san.Build());
    }

    /// <summary>TLS client certificate (mutual TLS) for a partner, issued by <paramref name="authority"/>.</summary>
    public static X509Certificate2 TlsClient(X509Certificate2 authority, string commonName) =>
        Issue(authority, commonName, "1.3.6.1.5.5.7.3.2", null);

    /// <summary>SHA-256 thumbprint, the form the partner registry pins.</summary>
    public static string Sha256Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>The public certificate as PEM text (what a partner hands over for registration).</summary>
    public static string PublicPem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    private static DateTimeOffset DefaultNotBefore => DateTimeOffset.UtcNow.AddDays(-1);

    private static DateTimeOffset DefaultNotAfter => DateTimeOffset.UtcNow.AddYears(1);

    private static X500DistinguishedName Subject(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        builder.AddOrganizationName("C2C test");
        return builder.Build();
    }

    private static void AddSigningExtensions(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string commonName, string extendedKeyUsage, X509Extension? subjectAlternativeName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Subject(commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedKeyUsage)], false));
        if (subjectAlternativeName is not null)
            request.CertificateExtensions.Add(subjectAlternativeName);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(authority, DefaultNotBefore, DefaultNotAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
