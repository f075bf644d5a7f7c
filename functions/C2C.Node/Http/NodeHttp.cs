using C2C.Core.Exchange;
using C2C.Node.Configuration;

namespace C2C.Node.Http;

/// <summary>
/// The node's public HTTP surface, one definition for both hostings: the standalone web app maps it directly; the
/// isolated worker on Azure runs it behind its HTTP functions (<see cref="Hosting.Worker.NodeRequestPipeline"/>). Same
/// paths, status codes, receipts, NACKs and OpenAPI document either way.
/// </summary>
public static class NodeHttp
{
    public static IServiceCollection AddNodeHttp(this IServiceCollection services, IConfiguration configuration)
    {
        Security.PartnerRateLimits.Add(services, configuration);
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    /// <summary>Middleware between routing and the endpoints: no bare 500, rate limits per partner.</summary>
    public static IApplicationBuilder UseNodeHttp(this IApplicationBuilder app) =>
        app.UseUnexpectedFailures().UseRateLimiter();

    public static void MapNodeEndpoints(this IEndpointRouteBuilder app, HostingMode mode)
    {
        app.MapOpenApi();
        app.MapGet("/health", (NodeContext node) => Results.Ok(new { status = "ok", country = node.Country, mode = mode.ToString() }))
            .WithTags("Operations");
        app.MapReadiness();
        app.MapMessageEndpoints();
        app.MapMovementEndpoints();
        app.MapArchiveEndpoints();
        app.MapAuditEndpoints();
        app.MapGuaranteeEndpoints();
        app.MapDocumentEndpoints();
        app.MapOperationsEndpoints();
        app.MapDashboardEndpoints();
        Console.ConsoleEndpoints.MapConsole(app);
    }
}
