using C2C.Core.Ports;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using C2C.Adapters.Security.Partners;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Partners;

namespace C2C.Integration.Tests.Security;

/// <summary>scripts/certs/generate-dev-certs.sh run for real into a temporary directory.</summary>
public sealed class DevCertificateScriptTests : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private readonly string _output = Directory.CreateTempSubdirectory("c2c-certs-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static string Script
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
                directory = directory.Parent;
            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("repository root"), "scripts", "certs", "generate-dev-certs.sh");
        }
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {ScriptTimeout}");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private string File_(string country, string name) => Path.Combine(_output, country, name);

    [OpenSslFact]
    public void Script_creates_certificates_openssl_and_dotnet_can_read_and_is_idempotent()
    {
        var (exit, output) = Run("bash", Script, _output, "TG", "BF");
        Assert.True(exit == 0, output);

        Assert.Equal("*", File.ReadAllText(Path.Combine(_output, ".gitignore")).Trim());
        var authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(_output, "ca", "ca.crt.pem"));
        foreach (var country in new[] { "TG", "BF" })
        {
            foreach (var name in new[] { "signing", "tls", "client" })
            {
                var (readExit, readOutput) = Run("openssl", "x509", "-in", File_(country, $"{name}.crt.pem"), "-noout", "-subject", "-enddate");
                Assert.True(readExit == 0, readOutput);
                var (verifyExit, verifyOutput) = Run("openssl", "verify", "-CAfile", Path.Combine(_output, "ca", "ca.crt.pem"), File_(country, $"{name}.crt.pem"));
                Assert.True(verifyExit == 0, verifyOutput);
                using var fromPfx = X509CertificateLoader.LoadPkcs12FromFile(File_(country, $"{name}.pfx"), File.ReadAllText(File_(country, $"{name}.pfx.password")).Trim());
                Assert.True(fromPfx.HasPrivateKey);
                Assert.True(ChainsTo(fromPfx, authority), $"{country} {name} does not chain to the development CA");
            }
            var tls = X509CertificateLoader.LoadCertificateFromFile(File_(country, "tls.crt.pem"));
            var san = tls.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
            Assert.Contains(IPAddress.Loopback, san.EnumerateIPAddresses());
            Assert.Contains("localhost", san.EnumerateDnsNames());
            var client = X509CertificateLoader.LoadCertificateFromFile(File_(country, "client.crt.pem"));
            Assert.Contains(client.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.2");
            Assert.Equal(CertificateThumbprint.Sha256(client), File.ReadAllText(File_(country, "client.sha256")).Trim());
        }
        Assert.Equal(3072, X509CertificateLoader.LoadCertificateFromFile(File_("TG", "signing.crt.pem")).GetRSAPublicKey()!.KeySize);

        var before = Fingerprints();
        var (again, againOutput) = Run("bash", Script, _output, "TG", "BF");
        Assert.True(again == 0, againOutput);
        Assert.Contains("skip", againOutput);
        Assert.DoesNotContain("created", againOutput);
        Assert.Equal(before, Fingerprints());
    }

    [OpenSslFact]
    public void Generated_signing_keys_sign_messages_the_partner_node_verifies()
    {
        var (exit, output) = Run("bash", Script, "--signing-key", "ec", _output, "TG", "BF");
        Assert.True(exit == 0, output);
        var json = $$"""
            {
              "C2C": {
                "Identity": { "Country": "BF", "Offices": [ "BFCIN001", "BFOUA001" ], "SigningPfxPath": "BF/signing.pfx", "SigningPfxPasswordFile": "BF/signing.pfx.password" },
                "Partners": {
                  "TG": {
                    "Country": "TG", "Offices": [ "TGLOM001", "TGCIN001" ], "Roles": [ "Partner" ],
                    "ClientCertificateThumbprints": [ "{{File.ReadAllText(File_("TG", "client.sha256")).Trim()}}" ],
                    "SigningCertificates": [ { "Thumbprint": "{{File.ReadAllText(File_("TG", "signing.sha256")).Trim()}}", "PemPath": "TG/signing.crt.pem" } ]
                  }
                }
              }
            }
            """;
        var burkina = PartnerRegistryLoader.FromJson(json);
        var trust = SigningTrustStore.Load(burkina, _output);
        var togo = burkina.Self with
        {
            Country = "TG",
            Signing = new SigningKeyLocation(PfxPath: "TG/signing.pfx", PfxPasswordFile: "TG/signing.pfx.password"),
        };
        using var credential = SigningCredentialLoader.Load(togo, _output);

        var signed = new XmlMessageSigner(credential).Sign(SampleMessage.Bytes);
        var result = new XmlSignatureVerifier().Verify(signed, trust.ForSenderOffice("TGLOM001")!);

        Assert.Equal(SignatureVerdict.Valid, result.Verdict);
        Assert.Equal(DsigAlgorithms.EcdsaSha256, result.SignatureMethod);
        Assert.Same(burkina.FindById("TG"), burkina.FindByClientCertificate(File.ReadAllText(File_("TG", "client.sha256"))));
    }

    [OpenSslFact]
    public void Bad_arguments_are_refused_with_exit_code_2()
    {
        Assert.Equal(2, Run("bash", Script).ExitCode);
        Assert.Equal(2, Run("bash", Script, _output, "togo").ExitCode);
        Assert.Equal(2, Run("bash", Script, "--signing-key", "dsa", _output).ExitCode);
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private Dictionary<string, string> Fingerprints() =>
        Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_output, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
