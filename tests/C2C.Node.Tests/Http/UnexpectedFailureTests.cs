using System.Net;
using System.Text.Json;
using C2C.Adapters.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Http;

/// <summary>When the node cannot do its work (its storage gone), the caller gets a 503 to retry, as a problem document: never a bare 500.</summary>
[Collection(StackCollection.Name)]
public sealed class UnexpectedFailureTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task A_storage_failure_while_ingesting_is_a_503_problem_the_caller_may_retry()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        using var client = tg.Offices();
        var clients = tg.Services.GetRequiredService<StorageClients>();
        await clients.Tables.DeleteTableAsync(clients.Names.Movements);

        using var response = await InProcessNode.PostAsync(client, Samples.Bytes("IE015-TransitDeclaration"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter is not null);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unavailable", problem.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));
    }
}
