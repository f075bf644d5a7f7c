using C2C.Adapters.Security.Partners;
using C2C.Core.Partners;

namespace C2C.Integration.Tests.Security;

public sealed class PartnerRegistryValidationTests
{
    private static PartnerRegistryException Rejected(string extraPartner) =>
        Assert.Throws<PartnerRegistryException>(() => PartnerRegistryLoader.FromJson(PartnerConfiguration.Json(extraPartner)));

    private const string Thumbprint = "AA00000000000000000000000000000000000000000000000000000000000001";

    [Fact]
    public void Office_owned_by_two_parties_is_refused()
    {
        var error = Rejected($$""", "BF2": { "Country": "BF", "Offices": [ "BFOUA001" ], "Roles": [ "Partner" ], "SigningCertificates": [ { "Thumbprint": "{{Thumbprint}}" } ] }""");

        Assert.Contains(error.Errors, e => e.Contains("'BFOUA001' is already owned by partner 'BF'"));
    }

    [Fact]
    public void Own_office_cannot_be_given_to_a_partner_nor_a_foreign_country_office()
    {
        var error = Rejected($$""", "X": { "Country": "BF", "Offices": [ "TGLOM001", "bfx" ], "Roles": [ "Partner" ], "SigningCertificates": [ { "Thumbprint": "{{Thumbprint}}" } ] }""");

        Assert.Contains(error.Errors, e => e.Contains("'TGLOM001' is not an office reference number of BF"));
        Assert.Contains(error.Errors, e => e.Contains("'bfx' is not an office reference number of BF"));
    }

    [Fact]
    public void Partner_and_auditor_roles_are_kept_apart()
    {
        var error = Rejected(""", "BOTH": { "Country": "TG", "Roles": [ "Partner", "Auditor" ], "ApiKeySha256": [ "0000000000000000000000000000000000000000000000000000000000000001" ] }""");

        Assert.Contains(error.Errors, e => e.Contains("exactly one role"));
    }

    [Fact]
    public void Partner_without_signing_certificate_is_refused()
    {
        var error = Rejected(""", "IN": { "Country": "IN", "Offices": [ "INTUT001" ], "Roles": [ "Partner" ] }""");

        Assert.Contains(error.Errors, e => e.Contains("at least one signing certificate"));
    }

    [Fact]
    public void Api_key_hash_shared_by_two_parties_is_refused()
    {
        var error = Rejected($$""", "AUDIT2": { "Country": "TG", "Roles": [ "Auditor" ], "ApiKeySha256": [ "{{ApiKeyHash.Of(PartnerConfiguration.AuditorKey).Hex}}" ] }""");

        Assert.Contains(error.Errors, e => e.Contains("also registered for 'TG_AUDIT'"));
    }

    [Fact]
    public void Malformed_values_are_all_reported_at_once()
    {
        var error = Rejected("""
            , "MV": {
              "Country": "MV", "Offices": [ "MVMLE001" ], "Roles": [ "Partner", "Superuser" ],
              "ApiKeySha256": [ "not-a-hash" ],
              "ClientCertificateThumbprints": [ "A94A8FE5CCB19BA61C4C0873D391E987982FBBD3" ],
              "SigningCertificates": [ { "Thumbprint": "1234" } ]
            }
            """);

        Assert.Contains(error.Errors, e => e.Contains("unknown role 'Superuser'"));
        Assert.Contains(error.Errors, e => e.Contains("ApiKeySha256[0]"));
        Assert.Contains(error.Errors, e => e.Contains("ClientCertificateThumbprints[0]")); // a SHA-1 thumbprint is not accepted
        Assert.Contains(error.Errors, e => e.Contains("SigningCertificates[0].Thumbprint"));
        Assert.Equal(4, error.Errors.Count);
    }

    [Fact]
    public void Identity_must_name_a_signing_key_and_its_own_offices()
    {
        const string json = """{ "C2C": { "Identity": { "Country": "TG", "Offices": [ "BFOUA001" ] }, "Partners": {} } }""";

        var error = Assert.Throws<PartnerRegistryException>(() => PartnerRegistryLoader.FromJson(json));

        Assert.Contains(error.Errors, e => e.Contains("identity: office 'BFOUA001'"));
        Assert.Contains(error.Errors, e => e.Contains("signing key"));
    }
}
