using System.Text.Json.Nodes;

namespace C2C.Infra.Tests.Bicep;

/// <summary>
/// The parameter files of the countries agree with each other (ARCHITECTURE decision 3): where one node sends a
/// partner's messages is the partner's namespace, with the send right the partner's own file grants it there.
/// </summary>
public sealed class PartnerParameterTests
{
    public static TheoryData<string, string> Nodes
    {
        get
        {
            var nodes = new TheoryData<string, string>();
            foreach (var environment in ParameterFile.Environments)
                foreach (var country in ParameterFile.Countries)
                    nodes.Add(environment, country);
            return nodes;
        }
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void Each_destination_is_the_partners_namespace_with_a_right_the_partner_grants_us(string environment, string country)
    {
        var ours = ParameterFile.Of(environment, country);

        Assert.NotEmpty(ours.List("outboundDestinations"));
        foreach (var destination in ours.List("outboundDestinations"))
        {
            var partner = PartnerFile(environment, destination);
            Assert.Equal($"{partner.Str("serviceBusNamespaceName")}.servicebus.windows.net", (string?)destination["namespace"]);
            // The limit we refuse at ingest by is the one the partner's topic has (its SKU, as main.bicep sets it).
            var partnerLimit = partner.Str("serviceBusSku") == "Premium" ? (int?)partner.Values["serviceBusPremiumMaxMessageKilobytes"] ?? 1024 : 256;
            Assert.Equal(partnerLimit, (int?)destination["maxMessageKilobytes"] ?? 256);
            var grant = Assert.Single(partner.List("inboundPartners"), p => string.Equals((string?)p["country"], country, StringComparison.OrdinalIgnoreCase));
            if ((string?)destination["sasKeyName"] is { } rule)
            {
                Assert.Equal($"send-{country}", rule); // the rule the partner's template names sasRuleName(our country)
                Assert.True((bool?)grant["sasRule"], $"{partner.Path} gives {country} no SAS rule");
            }
            else
            {
                Assert.False(string.IsNullOrEmpty((string?)grant["principalId"]), $"{partner.Path} grants {country}'s identity nothing");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public void Each_partner_allowed_to_send_to_us_has_us_as_a_destination(string environment, string country)
    {
        foreach (var sender in ParameterFile.Of(environment, country).List("inboundPartners"))
        {
            var partner = PartnerFile(environment, sender);
            Assert.Contains(partner.List("outboundDestinations"), d => string.Equals((string?)d["country"], country, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static ParameterFile PartnerFile(string environment, JsonObject entry)
    {
        var partner = ((string)entry["country"]!).ToLowerInvariant();
        Assert.Contains(partner, ParameterFile.Countries);
        return ParameterFile.Of(environment, partner);
    }
}
