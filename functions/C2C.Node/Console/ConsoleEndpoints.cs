using System.Reflection;
using C2C.Core.Exchange;
using C2C.Node.Http;

namespace C2C.Node.Console;

/// <summary>
/// The auditor console: a static page (embedded in the node, no build step, no CDN) over the audit API. The page
/// itself holds no data; every call it makes needs the auditor role. A strict CSP allows only the node's own scripts.
/// </summary>
public static class ConsoleEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/console", "index.html", "text/html; charset=utf-8"),
        ("/console/console.js", "console.js", "text/javascript; charset=utf-8"),
        ("/console/corridor.js", "corridor.js", "text/javascript; charset=utf-8"),
        ("/console/console.css", "console.css", "text/css; charset=utf-8"),
        ("/console/api.js", "api.js", "text/javascript; charset=utf-8"), // sign-in and API calls, shared by the pages
        ("/console/operations", "operations.html", "text/html; charset=utf-8"), // dead letters (Operator role)
        ("/console/operations.js", "operations.js", "text/javascript; charset=utf-8"),
        ("/dashboard", "dashboard.html", "text/html; charset=utf-8"),
        ("/dashboard/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
        ("/dashboard/charts.js", "charts.js", "text/javascript; charset=utf-8"),
        ("/dashboard/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
    ];

    public static void MapConsole(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Assets)
        {
            var bytes = Load(resource);
            app.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(bytes, contentType);
            }).ExcludeFromDescription();
        }
        app.MapGet("/console/meta", (NodeContext node) => Results.Json(new { node.Country, AuditEndpoints.OpsStatuses })).ExcludeFromDescription();
    }

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"C2C.Node.Console.assets.{name}")
            ?? throw new InvalidOperationException($"console asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
