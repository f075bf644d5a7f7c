using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// The public HTTP API on Azure: the worker's HTTP functions hand each request to the node's own pipeline, so partners
/// see the standalone node's paths, status codes, receipts, NACKs and OpenAPI document.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class HttpFunctionsTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Theory]
    [InlineData("/TransitInbound")]
    [InlineData("/OutboxRelay")]
    [InlineData("/MovementDoor")]
    [InlineData("/admin/functions/PublicApi")]
    [InlineData("/runtime/webhooks/durabletask/instances")]
    public void No_http_function_takes_a_path_outside_the_public_api(string path) =>
        Assert.DoesNotContain(FunctionsHostDouble.HttpFunctions, f => f.Matcher.TryMatch(new PathString(path), []));

    [Fact]
    public async Task Every_endpoint_of_the_node_is_reached_through_an_http_function_with_its_methods()
    {
        await using var node = await new WorkerNode(_network, "TG", stack).StartAsync();
        using (var client = node.Client(null))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health")).StatusCode); // the pipeline is built on first use
        var endpoints = node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.True(endpoints.Count > 10, $"{endpoints.Count} endpoints");
        foreach (var endpoint in endpoints)
        {
            var path = SamplePath(endpoint);
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var request = new DefaultHttpContext().Request;
                (request.Method, request.Path) = (method, path);
                Assert.True(FunctionsHostDouble.HttpFunctions.Any(f => f.Serves(request)), $"{method} {path} ({endpoint.DisplayName}) is served by the node but no HTTP function takes it");
            }
        }
    }

    [Fact]
    public async Task The_worker_answers_a_partner_as_the_standalone_node_does()
    {
        await using var worker = await new WorkerNode(_network, "TG", stack) { Engine = true }.StartAsync();
        using var standalone = new InProcessNode(_network, "TG", stack);
        var declaration = Samples.Bytes("IE015-TransitDeclaration");

        async Task<IReadOnlyList<string>> Answers(HttpClient offices, HttpClient anonymous) =>
        [
            Summary(await Answer.ReadAsync(await InProcessNode.PostAsync(offices, declaration))),
            Summary(await Answer.ReadAsync(await InProcessNode.PostAsync(offices, declaration))),
            Summary(await Answer.ReadAsync(await InProcessNode.PostAsync(offices, InProcessNode.Utf8(Samples.Text("IE015-TransitDeclaration").Replace("Semi-milled rice", "Fully milled rice"))))),
            Summary(await Answer.ReadAsync(await InProcessNode.PostAsync(offices, InProcessNode.Utf8("<not-a-message/>")))),
            Summary(await Answer.ReadAsync(await InProcessNode.PostAsync(anonymous, declaration))),
        ];
        using var workerOffices = worker.Offices();
        using var workerAnonymous = worker.Client(null);
        var throughFunctions = await Answers(workerOffices, workerAnonymous);
        var direct = await Answers(standalone.Offices(), standalone.Client(null));

        Assert.Equal(direct, throughFunctions);
        Assert.Equal(["200 accepted PositiveAcknowledgement", "200 duplicate PositiveAcknowledgement"], throughFunctions.Take(2));
        Assert.StartsWith("409 rejected FunctionalNack 26", throughFunctions[2]);
        Assert.StartsWith("400 rejected", throughFunctions[3]);
        Assert.StartsWith("401 rejected FunctionalNack 94", throughFunctions[4]);
    }

    [Fact]
    public async Task The_openapi_document_console_and_health_are_the_standalone_nodes()
    {
        await using var worker = await new WorkerNode(_network, "TG", stack).StartAsync();
        using var standalone = new InProcessNode(_network, "TG", stack);
        using var client = worker.Client(null);

        var document = JsonNode.Parse(await client.GetStringAsync("openapi/v1.json"))!;
        var expected = JsonNode.Parse(await standalone.Client(null).GetStringAsync("openapi/v1.json"))!;
        Assert.True(JsonNode.DeepEquals(expected["paths"], document["paths"]), "the worker's OpenAPI paths differ from the standalone node's");
        Assert.True(JsonNode.DeepEquals(expected["components"], document["components"]));
        Assert.Equal(await standalone.Client(null).GetStringAsync("console"), await client.GetStringAsync("console"));
        Assert.Equal("Functions", JsonNode.Parse(await client.GetStringAsync("health"))!["mode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/v1/nothing-here")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("OutboxRelay")).StatusCode);
    }

    /// <summary>Status, outcome, answer type and error codes: what a partner's system reads (ids and times differ per node).</summary>
    private static string Summary(Answer answer) => $"{answer.Status} {answer.Outcome} {answer.Root} {string.Join(",", answer.ErrorCodes)}".TrimEnd();

    /// <summary>A request path the endpoint answers: each parameter replaced by a value (two segments for a catch-all).</summary>
    private static string SamplePath(RouteEndpoint endpoint) =>
        "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { IsCatchAll: true } => "x/y",
            RoutePatternParameterPart => "x",
            _ => "",
        }))));
}
