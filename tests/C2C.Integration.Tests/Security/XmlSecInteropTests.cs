using C2C.Core.Ports;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using C2C.Adapters.Security.XmlDsig;
using C2C.Testing;

namespace C2C.Integration.Tests.Security;

/// <summary>
/// A partner's administration will not run .NET: signatures must verify with another implementation (xmlsec1,
/// libxmlsec over OpenSSL), and theirs with ours. This checks in particular the ECDSA signature description.
/// </summary>
public sealed class XmlSecInteropTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("c2c-xmlsec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static X509Certificate2 Certificate(string kind) => kind == "rsa" ? Signing.TogoRsa : Signing.TogoEcdsa;

    [XmlSecFact]
    public void Our_rsa_and_ecdsa_signatures_verify_with_xmlsec1()
    {
        foreach (var kind in new[] { "rsa", "ecdsa" })
        {
            var certificate = Certificate(kind);
            var message = Write($"{kind}-ours.xml", Signing.Sign(certificate));
            var trusted = Write($"{kind}.crt.pem", Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));

            var (exit, output) = XmlSec("--verify", "--trusted-pem", trusted, message);

            Assert.True(exit == 0, $"{kind}: {output}");
            Assert.Contains("SignedInfo References (ok/all): 1/1", output);
        }
    }

    [XmlSecFact]
    public void Xmlsec1_rsa_and_ecdsa_signatures_verify_with_ours()
    {
        foreach (var (kind, method) in new[] { ("rsa", DsigAlgorithms.RsaSha256), ("ecdsa", DsigAlgorithms.EcdsaSha256) })
        {
            var certificate = Certificate(kind);
            var key = kind == "rsa" ? certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem() : certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem();
            var keyFile = Write($"{kind}.key.pem", Encoding.ASCII.GetBytes(key));
            var certificateFile = Write($"{kind}.crt.pem", Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
            var template = Write($"{kind}-template.xml", Encoding.UTF8.GetBytes(SampleMessage.Xml.Replace(
                "</AnticipatedArrivalRecord>", SignatureTemplate(method) + "</AnticipatedArrivalRecord>", StringComparison.Ordinal)));
            var signed = Path.Combine(_directory, $"{kind}-xmlsec.xml");

            var (exit, output) = XmlSec("--sign", "--privkey-pem", $"{keyFile},{certificateFile}", "--output", signed, template);
            Assert.True(exit == 0, output);

            var result = Signing.Verify(File.ReadAllBytes(signed));
            Assert.Equal(SignatureVerdict.Valid, result.Verdict);
            Assert.Equal(method, result.SignatureMethod);
        }
    }

    private static string SignatureTemplate(string method) =>
        "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
        + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
        + $"<SignatureMethod Algorithm=\"{method}\"/>"
        + "<Reference URI=\"\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
        + "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
        + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference></SignedInfo>"
        + "<SignatureValue/><KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo></Signature>";

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static (int ExitCode, string Output) XmlSec(params string[] arguments)
    {
        var start = new ProcessStartInfo("xmlsec1", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("xmlsec1 did not finish within 60 s");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
