using System.Net;
using C2C.Testing;

namespace C2C.Node.Tests.Http;

[Collection(StackCollection.Name)]
public sealed class ArchiveEndpointTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task Auditor_downloads_the_original_bytes_and_searches()
    {
        using var node = new InProcessNode(_network, "TG", stack);
        var bytes = Samples.Bytes("IE015-TransitDeclaration");
        var receipt = await Answer.ReadAsync(await InProcessNode.PostAsync(node.Offices(), bytes));
        var auditor = node.Client(_network.AuditorKey("TG"));

        var response = await auditor.GetAsync("api/v1/archive/" + receipt.Value("ArchiveReference"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(receipt.Value("ContentSha256"), response.Headers.GetValues("X-Content-Sha256").Single());

        var found = await auditor.GetStringAsync($"api/v1/archive?mrn={Samples.Mrn}&direction=Outbound");
        Assert.Contains("IE050", found);
        Assert.Contains("IE001", found);
        Assert.DoesNotContain("\"IE015\"", found);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("api/v1/archive")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("api/v1/archive?type=IE015'%20or%20'1'='1")).StatusCode);
    }

    [Fact]
    public async Task Partners_cannot_browse_the_archive()
    {
        using var node = new InProcessNode(_network, "TG", stack);
        Assert.Equal(HttpStatusCode.Forbidden, (await node.Offices().GetAsync($"api/v1/archive?mrn={Samples.Mrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Client(null).GetAsync($"api/v1/archive?mrn={Samples.Mrn}")).StatusCode);
    }
}
