using C2C.Core.Ports;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using C2C.Adapters.Security.Partners;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Partners;
using C2C.Testing;

namespace C2C.Integration.Tests.Security;

/// <summary>Certificates and keys read from files named in configuration, as a node does at start-up.</summary>
public sealed class PartnerTrustFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("c2c-trust-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private PartnerRegistry RegistryWithBurkinaPem(string? pinnedThumbprint)
    {
        var pin = pinnedThumbprint is null ? "" : $"\"Thumbprint\": \"{pinnedThumbprint}\", ";
        var json = $$"""
            {
              "C2C": {
                "Identity": { "Country": "TG", "Offices": [ "TGLOM001" ], "SigningCertificatePemPath": "tg.crt.pem", "SigningKeyPemPath": "tg.key.pem" },
                "Partners": {
                  "BF": { "Country": "BF", "Offices": [ "BFOUA001" ], "Roles": [ "Partner" ], "SigningCertificates": [ { {{pin}}"PemPath": "partners/bf.crt.pem" } ] }
                }
              }
            }
            """;
        return PartnerRegistryLoader.FromJson(json);
    }

    [Fact]
    public void Partner_certificate_from_pem_verifies_messages_that_carry_no_certificate()
    {
        var burkina = TestCertificates.Ecdsa("Burkina Faso customs signing");
        Directory.CreateDirectory(Path.Combine(_directory, "partners"));
        File.WriteAllText(Path.Combine(_directory, "partners", "bf.crt.pem"), TestCertificates.PublicPem(burkina));
        var registry = RegistryWithBurkinaPem(CertificateThumbprint.Sha256(burkina));
        var store = SigningTrustStore.Load(registry, _directory);
        var signed = SampleMessage.Edit(Signing.Sign(burkina), (d, ns) =>
        {
            var keyInfo = d.SelectSingleNode("//ds:KeyInfo", ns)!;
            keyInfo.ParentNode!.RemoveChild(keyInfo);
        });

        var trust = store.ForSenderOffice("BFOUA001")!;

        Assert.Equal(SignatureVerdict.Valid, new XmlSignatureVerifier().Verify(signed, trust).Verdict);
        Assert.Null(store.ForSenderOffice("TGLOM001"));
    }

    [Fact]
    public void Pem_whose_thumbprint_differs_from_the_pin_stops_the_start_up()
    {
        var burkina = TestCertificates.Ecdsa("Burkina Faso customs signing");
        Directory.CreateDirectory(Path.Combine(_directory, "partners"));
        File.WriteAllText(Path.Combine(_directory, "partners", "bf.crt.pem"), TestCertificates.PublicPem(burkina));
        var registry = RegistryWithBurkinaPem(CertificateThumbprint.Sha256(Signing.TogoRsa));

        var error = Assert.Throws<PartnerRegistryException>(() => SigningTrustStore.Load(registry, _directory));

        Assert.Contains("configuration pins", Assert.Single(error.Errors));
    }

    [Fact]
    public void Missing_pem_stops_the_start_up()
    {
        var error = Assert.Throws<PartnerRegistryException>(() => SigningTrustStore.Load(RegistryWithBurkinaPem(null), _directory));

        Assert.Contains("cannot read signing certificate", Assert.Single(error.Errors));
    }

    [Fact]
    public void Own_signing_key_loads_from_pem_and_from_pfx_with_password_file()
    {
        var togo = TestCertificates.Rsa("Togo customs signing");
        File.WriteAllText(Path.Combine(_directory, "tg.crt.pem"), togo.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "tg.key.pem"), togo.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        File.WriteAllBytes(Path.Combine(_directory, "tg.pfx"), togo.Export(X509ContentType.Pkcs12, password));
        File.WriteAllText(Path.Combine(_directory, "tg.pfx.password"), password + "\n");
        var pemIdentity = RegistryWithBurkinaPem(null).Self;
        var pfxIdentity = pemIdentity with { Signing = new SigningKeyLocation(PfxPath: "tg.pfx", PfxPasswordFile: "tg.pfx.password") };

        using var fromPem = SigningCredentialLoader.Load(pemIdentity, _directory);
        using var fromPfx = SigningCredentialLoader.Load(pfxIdentity, _directory);

        var trust = new SigningTrust("TG", [CertificateThumbprint.Sha256(togo)], []);
        var verifier = new XmlSignatureVerifier();
        Assert.Equal(SignatureVerdict.Valid, verifier.Verify(new XmlMessageSigner(fromPem).Sign(SampleMessage.Bytes), trust).Verdict);
        Assert.Equal(SignatureVerdict.Valid, verifier.Verify(new XmlMessageSigner(fromPfx).Sign(SampleMessage.Bytes), trust).Verdict);
    }

    [Fact]
    public void Own_signing_key_loads_from_an_inline_pfx_as_a_key_vault_reference_resolves_it()
    {
        var togo = TestCertificates.Ecdsa("Togo customs signing");
        // What the platform puts in the app setting for @Microsoft.KeyVault(...SecretName=signing): base64 PKCS#12, no password.
        var secret = Convert.ToBase64String(togo.Export(X509ContentType.Pkcs12));
        var identity = RegistryWithBurkinaPem(null).Self with { Signing = new SigningKeyLocation(PfxBase64: secret) };

        using var credential = SigningCredentialLoader.Load(identity, _directory);

        var trust = new SigningTrust("TG", [CertificateThumbprint.Sha256(togo)], []);
        Assert.Equal(SignatureVerdict.Valid, new XmlSignatureVerifier().Verify(new XmlMessageSigner(credential).Sign(SampleMessage.Bytes), trust).Verdict);
        var unresolved = identity with { Signing = new SigningKeyLocation(PfxBase64: "@Microsoft.KeyVault(SecretUri=https://tg.vault.azure.net/secrets/signing/)") };
        Assert.Equal(XmlSigningException.Codes.SigningKeyUnreadable, Assert.Throws<XmlSigningException>(() => SigningCredentialLoader.Load(unresolved, _directory)).Code);
    }

    [Fact]
    public void Two_signing_key_forms_at_once_stop_the_start_up()
    {
        var json = """
            { "C2C": { "Identity": { "Country": "TG", "Offices": [ "TGLOM001" ], "SigningCertificatePemPath": "tg.crt.pem", "SigningKeyPemPath": "tg.key.pem", "SigningPfxBase64": "AAAA" } } }
            """;
        var error = Assert.Throws<PartnerRegistryException>(() => PartnerRegistryLoader.FromJson(json));
        Assert.Contains(error.Errors, e => e.Contains("exactly one of"));
    }

    [Fact]
    public void Unreadable_signing_key_is_a_clear_error()
    {
        var identity = RegistryWithBurkinaPem(null).Self;

        var error = Assert.Throws<XmlSigningException>(() => SigningCredentialLoader.Load(identity, _directory));

        Assert.Equal(XmlSigningException.Codes.SigningKeyUnreadable, error.Code);
    }
}
