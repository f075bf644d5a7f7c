using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Functions;

/// <summary>
/// The HTTP functions forward requests to the handler unchanged (enableForwardingHttpRequest, routePrefix ""), so
/// their routes decide what the public can reach: every public endpoint, never a trigger's invocation endpoint
/// (POST /{FunctionName}), which the Functions host alone may call. Routes are matched as the host matches them:
/// ASP.NET Core route templates, case-insensitive.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class FunctionRoutesTests(LocalStack stack) : IDisposable
{
    private const string InvocationTag = "Functions host";

    private static readonly IReadOnlyList<(string Function, TemplateMatcher Matcher)> HttpRoutes = FunctionFolder.All()
        .Where(f => f.IsHttp)
        .Select(f => (f.Name, new TemplateMatcher(TemplateParser.Parse(f.Route ?? throw new InvalidOperationException($"{f.Name}: an HTTP function needs a route, not the catch-all default")), [])))
        .ToList();

    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private static string? ForwardedBy(string path) =>
        HttpRoutes.Where(r => r.Matcher.TryMatch(new PathString(path), [])).Select(r => r.Function).FirstOrDefault();

    [Theory]
    [InlineData("/TransitInbound")]
    [InlineData("/cargoinbound")]
    [InlineData("/ControlInbound")]
    [InlineData("/OUTBOXRELAY")]
    [InlineData("/DeadlineSweep")]
    public void No_http_function_matches_a_trigger_invocation_path(string path) => Assert.Null(ForwardedBy(path));

    [Theory]
    [InlineData("/api/v1/messages")]
    [InlineData("/api/v1/archive/2026/11/25/26TGLOM000000142J4/0001-IE015-x.xml")]
    [InlineData("/console")]
    [InlineData("/console/console.js")]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public void The_public_surface_is_forwarded(string path) => Assert.NotNull(ForwardedBy(path));

    [Fact]
    public void No_http_function_is_a_catch_all_at_the_root()
    {
        Assert.NotEmpty(HttpRoutes);
        Assert.All(HttpRoutes, r => Assert.Null(r.Matcher.TryMatch(new PathString("/AnyFunctionName"), []) ? r.Function : null));
    }

    [Fact]
    public async Task Every_endpoint_of_the_handler_is_forwarded_except_the_trigger_invocations()
    {
        using var node = new InProcessNode(_network, "BF", stack, b => b.UseSetting("Hosting:Mode", "Functions"));
        using var _ = node.Client(null); // starts the host, so every endpoint is mapped
        var endpoints = node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var invocations = endpoints.Where(e => e.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains(InvocationTag) == true).ToList();

        Assert.Equal(FunctionFolder.All().Where(f => !f.IsHttp).Select(f => $"/{f.Name}").Order(), invocations.Select(SamplePath).Order());
        foreach (var endpoint in endpoints)
        {
            var path = SamplePath(endpoint);
            if (invocations.Contains(endpoint))
                Assert.True(ForwardedBy(path) is null, $"{path} is reachable through {ForwardedBy(path)}");
            else
                Assert.True(ForwardedBy(path) is not null, $"{path} ({endpoint.DisplayName}) is served by the handler but no HTTP function forwards it");
        }
    }

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
