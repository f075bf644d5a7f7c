using System.Net;
using System.Text.Json;

namespace C2C.Node.Tests.Http;

/// <summary>
/// Who reads a movement: auditors every one; a partner only a movement one of its offices takes part in (sender or
/// recipient of a message in its history). Togo's node holds the Lomé → Ouagadougou movement; India's administration
/// is registered there too but none of its offices is on that route.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class MovementAccessTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF", "IN");

    public void Dispose() => _network.Dispose();

    private static string[] Paths(string mrn) => [$"api/v1/movements/{mrn}", $"api/v1/movements/{mrn}/history"];

    [Fact]
    public async Task Offices_on_the_route_and_auditors_read_the_movement_other_partners_get_403()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        await InProcessNode.PostAsync(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration"));

        foreach (var path in Paths(Samples.Mrn))
        {
            // Departure (Lomé sent the declaration), Burkina Faso (its border and destination offices got the records), the auditor.
            foreach (var reader in new[] { tg.Offices(), tg.Administration("BF"), tg.Auditor() })
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);

            var refused = await tg.Administration("IN").GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Not a party to this movement", problem.GetProperty("title").GetString());
            Assert.Equal($"no movement '{Samples.Mrn}' at this node involves an office of 'IN'", problem.GetProperty("detail").GetString());
            Assert.Equal("NotAPartyToTheMovement", problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task An_unknown_movement_looks_the_same_as_somebody_elses_to_a_partner_and_is_404_to_an_auditor()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        foreach (var path in Paths("26TGLOM000000143J3"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await tg.Administration("BF").GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await tg.Auditor().GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await tg.Client(null).GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task At_the_destination_node_the_departure_administration_reads_what_it_sent()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        using var bf = new InProcessNode(_network, "BF", stack);
        await InProcessNode.PostAsync(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        Assert.Equal(2, (await Courier.DeliverAsync(tg, bf)).Count);

        Assert.Equal(HttpStatusCode.OK, (await bf.Administration("TG").GetAsync($"api/v1/movements/{Samples.Mrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bf.Offices().GetAsync($"api/v1/movements/{Samples.Mrn}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bf.Administration("IN").GetAsync($"api/v1/movements/{Samples.Mrn}")).StatusCode);
    }
}
