using C2C.Node.Configuration;
using C2C.Node.Http;
using C2C.Node.Security;

namespace C2C.Node.Hosting.Worker;

/// <summary>
/// The node's own ASP.NET Core pipeline (routing, <see cref="NodeHttp"/>'s middleware and endpoints), built once over
/// the worker's services and run on the request an HTTP function receives. The worker's web host has already matched
/// the function's catch-all route; the node matches its own endpoints again, so every path, status code, receipt and
/// NACK is the standalone node's.
/// </summary>
public sealed class NodeRequestPipeline(IServiceProvider services)
{
    private readonly Lazy<RequestDelegate> _pipeline = new(() =>
    {
        var app = new ApplicationBuilder(services);
        app.UseRouting();
        app.UseNodeHttp();
        app.UseEndpoints(endpoints => endpoints.MapNodeEndpoints(HostingMode.Functions));
        return app.Build();
    });

    /// <summary>What an HTTP function returns: the worker's integration executes it on the request's context.</summary>
    public IResult Dispatch() => new Dispatched(this);

    private Task RunAsync(HttpContext context)
    {
        // Reached through an HTTP function: the Functions host proxied this request (the only way a function runs).
        ForwardedCertificateTrust.MarkProxiedByFunctionsHost(context);
        // The function's endpoint is set; routing skips matching when an endpoint is already there.
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        return _pipeline.Value(context);
    }

    private sealed class Dispatched(NodeRequestPipeline pipeline) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => pipeline.RunAsync(httpContext);
    }
}
