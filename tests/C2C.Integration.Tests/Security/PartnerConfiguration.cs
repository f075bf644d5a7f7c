using C2C.Core.Partners;

namespace C2C.Integration.Tests.Security;

/// <summary>The Togo node's configuration (as in docs/security.md): Burkina Faso as partner, a Togolese auditor.</summary>
internal static class PartnerConfiguration
{
    public const string BurkinaKey = "bf-test-api-key-7Hq2VwX9rL4mN8pK3sT6yZ1cD5fG0jB";
    public const string BurkinaRotatedKey = "bf-next-api-key-Qe4Rt7Yu1Io9Pa3Sd6Fg8Hj2Kl5Zx0C";
    public const string AuditorKey = "tg-audit-api-key-Mn3Bv6Cx9Za2Sd5Fg8Hj1Kl4Qw7Er0T";
    public const string BurkinaSigningThumbprint = "3A:7F:19:C2:44:0B:8E:D1:5C:66:A9:2F:E0:71:B3:48:9D:05:CE:12:F7:6A:88:3B:C4:D9:21:0E:57:AF:B6:63";
    public const string BurkinaClientThumbprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static string Json(string extraPartner = "") => $$"""
        {
          "C2C": {
            "Identity": {
              "Country": "TG",
              "Offices": [ "TGLOM001", "TGCIN001" ],
              "SigningPfxPath": "certs/TG/signing.pfx",
              "SigningPfxPasswordFile": "certs/TG/signing.pfx.password"
            },
            "Partners": {
              "BF": {
                "Country": "BF",
                "Offices": [ "BFCIN001", "BFOUA001", "BFBOB001" ],
                "Roles": [ "Partner" ],
                "ApiKeySha256": [ "{{ApiKeyHash.Of(BurkinaKey).Hex}}", "{{ApiKeyHash.Of(BurkinaRotatedKey).Hex.ToUpperInvariant()}}" ],
                "ClientCertificateThumbprints": [ "{{BurkinaClientThumbprint}}" ],
                "SigningCertificates": [ { "Thumbprint": "{{BurkinaSigningThumbprint}}" } ]
              },
              "TG_AUDIT": {
                "Country": "TG",
                "Roles": [ "Auditor" ],
                "ApiKeySha256": [ "{{ApiKeyHash.Of(AuditorKey).Hex}}" ]
              }{{extraPartner}}
            }
          }
        }
        """;

    public static PartnerRegistry Registry() => C2C.Adapters.Security.Partners.PartnerRegistryLoader.FromJson(Json());
}
