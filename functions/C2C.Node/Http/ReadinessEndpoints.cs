using C2C.Core.Exchange;
using C2C.Node.Hosting.Readiness;

namespace C2C.Node.Http;

/// <summary>
/// GET /health/ready: 200 when the node can do its work (signing credential, storage, partner destinations, and in
/// standalone hosting with a broker its own subscriptions consuming, and its durable backend answering), else 503;
/// the JSON says which part fails and why. /health stays the bare liveness answer.
/// </summary>
public static class ReadinessEndpoints
{
    public static void MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapGet("/health/ready", async (IServiceProvider services, IConfiguration configuration, NodeContext node, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var checks = new Dictionary<string, ReadinessCheck>
            {
                ["signing"] = ReadinessChecks.Signing(services, clock),
                ["storage"] = await ReadinessChecks.StorageAsync(services, cancellationToken),
                ["broker"] = ReadinessChecks.Broker(services, configuration),
            };
            if (services.GetService<Hosting.Standalone.ConsumerSubscriptions>() is { } subscriptions)
                checks["consumers"] = subscriptions.Check(node.Country);
            if (await EngineReadiness.CheckAsync(services, configuration, cancellationToken) is { } engine)
                checks["engine"] = engine;
            var ready = checks.Values.All(c => c.Ok);
            return Results.Json(new { status = ready ? "ready" : "not-ready", country = node.Country, checks }, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        })
        .WithTags("Operations")
        .WithSummary("Readiness: signing credential, storage, partner destinations and (standalone) this node's subscriptions consuming and its durable backend answering")
        .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status503ServiceUnavailable);
}
