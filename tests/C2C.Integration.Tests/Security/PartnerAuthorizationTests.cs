using System.Reflection;
using System.Security.Cryptography;
using C2C.Core.Messages;
using C2C.Core.Partners;

namespace C2C.Integration.Tests.Security;

public sealed class PartnerAuthorizationTests
{
    private readonly PartnerRegistry _registry = PartnerConfiguration.Registry();

    private static MessageHeader Header(string sender, string recipient = "TGLOM001") =>
        new("BF-20261124-000007", null, "IE006", DateTimeOffset.Parse("2026-11-24T12:00:00Z"), sender, recipient);

    [Fact]
    public void Registry_is_read_from_configuration()
    {
        var burkina = _registry.FindById("bf")!;

        Assert.Equal("TG", _registry.Self.Country);
        Assert.True(_registry.Self.Serves("TGCIN001"));
        Assert.Equal("certs/TG/signing.pfx", _registry.Self.Signing.PfxPath);
        Assert.Equal("BF", burkina.Country);
        Assert.True(burkina.Has(PartnerRole.Partner));
        Assert.False(burkina.Has(PartnerRole.Auditor));
        Assert.Equal(
            "3A7F19C2440B8ED15C66A92FE071B3489D05CE12F76A883BC4D9210E57AFB663",
            Assert.Single(burkina.SigningCertificates).Thumbprint);
        Assert.Same(burkina, _registry.FindOfficeOwner("BFBOB001"));
        Assert.Null(_registry.FindOfficeOwner("TGLOM001"));
        Assert.Same(burkina, _registry.FindByClientCertificate(PartnerConfiguration.BurkinaClientThumbprint.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("sha256 Fingerprint=9F:86:D0:81:88:4C:7D:65:9A:2F:EA:A0:C5:5A:D0:15:A3:BF:4F:1B:2B:0B:82:2C:D1:5D:6C:15:B0:F0:0A:08")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void Thumbprints_are_accepted_as_openssl_prints_them(string printed)
    {
        Assert.Equal("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", Thumbprints.Normalize(printed));
        Assert.Same(_registry.FindById("BF"), _registry.FindByClientCertificate(printed));
        Assert.Null(Thumbprints.Normalize("A94A8FE5CCB19BA61C4C0873D391E987982FBBD3")); // SHA-1
    }

    [Fact]
    public void Partner_may_send_from_an_office_it_owns()
    {
        var caller = _registry.AuthenticateApiKey(PartnerConfiguration.BurkinaKey);

        var decision = PartnerAuthorization.AuthorizeSend(caller.Partner!, Header("BFOUA001"));

        Assert.True(caller.IsAllowed);
        Assert.True(decision.IsAllowed);
        Assert.Equal("Allowed", decision.Code);
    }

    [Theory]
    [InlineData("TGLOM001")]
    [InlineData("INTUT001")]
    public void Partner_may_not_send_from_an_office_it_does_not_own(string foreignOffice)
    {
        var burkina = _registry.AuthenticateApiKey(PartnerConfiguration.BurkinaKey).Partner!;

        var decision = PartnerAuthorization.AuthorizeSend(burkina, Header(foreignOffice));

        Assert.False(decision.IsAllowed);
        Assert.False(decision.IsAuthenticationFailure);
        Assert.Equal(AccessDenial.SenderOfficeNotOwned, decision.Denial);
        Assert.Contains(foreignOffice, decision.Message);
    }

    [Fact]
    public void Auditor_cannot_post_and_partner_cannot_audit()
    {
        var auditor = _registry.AuthenticateApiKey(PartnerConfiguration.AuditorKey).Partner!;
        var burkina = _registry.FindById("BF")!;

        Assert.Equal(AccessDenial.RoleNotGranted, PartnerAuthorization.AuthorizeSend(auditor, Header("TGLOM001")).Denial);
        Assert.True(PartnerAuthorization.AuthorizeAudit(auditor).IsAllowed);
        Assert.Equal(AccessDenial.RoleNotGranted, PartnerAuthorization.AuthorizeAudit(burkina).Denial);
    }

    [Fact]
    public void Rotated_key_authenticates_the_same_partner()
    {
        Assert.Equal("BF", _registry.AuthenticateApiKey(PartnerConfiguration.BurkinaRotatedKey).Partner!.Id);
    }

    [Theory]
    [InlineData(null, AccessDenial.MissingCredentials)]
    [InlineData("", AccessDenial.MissingCredentials)]
    [InlineData("short", AccessDenial.UnknownCredentials)]
    [InlineData("bf-test-api-key-7Hq2VwX9rL4mN8pK3sT6yZ1cD5fG0jC", AccessDenial.UnknownCredentials)] // last character differs
    [InlineData("Bf-test-api-key-7Hq2VwX9rL4mN8pK3sT6yZ1cD5fG0jB", AccessDenial.UnknownCredentials)] // first character differs
    public void Unknown_or_missing_api_key_is_denied(string? key, AccessDenial expected)
    {
        var decision = _registry.AuthenticateApiKey(key);

        Assert.False(decision.IsAllowed);
        Assert.True(decision.IsAuthenticationFailure);
        Assert.Equal(expected, decision.Denial);
        Assert.Null(decision.Partner);
    }

    [Fact]
    public void Presenting_the_hash_instead_of_the_key_is_denied()
    {
        Assert.False(_registry.AuthenticateApiKey(ApiKeyHash.Of(PartnerConfiguration.BurkinaKey).Hex).IsAllowed);
    }

    [Fact]
    public void Api_key_hash_is_sha256_of_the_utf8_key_as_sha256sum_prints_it()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyHash.Of("abc").Hex);
        var (key, hash) = ApiKeyHash.Generate();
        Assert.Equal(43, key.Length);
        Assert.Equal(hash.Hex, ApiKeyHash.Of(key).Hex);
        Assert.NotEqual(key, ApiKeyHash.Generate().Key);
    }

    [Fact]
    public void Api_key_comparison_is_constant_time()
    {
        // Guard against a refactoring to SequenceEqual or string equality, which return at the first difference.
        Assert.Contains(CalledMethods(typeof(ApiKeyHash).GetMethod(nameof(ApiKeyHash.Matches))!),
            m => m.DeclaringType == typeof(CryptographicOperations) && m.Name == nameof(CryptographicOperations.FixedTimeEquals));
        var authenticateCalls = CalledMethods(typeof(PartnerRegistry).GetMethod(nameof(PartnerRegistry.AuthenticateApiKey))!);
        Assert.Contains(authenticateCalls, m => m.DeclaringType == typeof(ApiKeyHash) && m.Name == nameof(ApiKeyHash.Matches));
        Assert.DoesNotContain(authenticateCalls, m => m.Name is "SequenceEqual" or "op_Equality" or "Equals" or "StartsWith");
    }

    private static List<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var called = new List<MethodBase>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F)) // call, callvirt
                continue;
            try
            {
                if (method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1)) is { } target)
                    called.Add(target);
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException)
            {
                // A byte that merely looks like a call opcode: its operand is no method token.
            }
        }
        return called;
    }
}
