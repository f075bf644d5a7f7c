using C2C.Node.Composition;
using C2C.Node.Configuration;
using C2C.Node.Http;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["ConfigFile"] is { Length: > 0 } configFile)
{
    // On-premises and local runs keep a node's settings in one JSON file (same shape as appsettings.json).
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
}
var mode = NodeComposition.ModeOf(builder.Configuration);
if (mode == HostingMode.Functions && builder.Configuration[C2C.Node.Security.ForwardedCertificateTrust.CustomHandlerPortSetting] is { Length: > 0 } port)
{
    // The Functions host tells the custom handler where to listen; only the host talks to it.
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
}
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
if (mode == HostingMode.Standalone)
    C2C.Node.Security.MutualTls.Configure(builder); // on Azure the platform terminates TLS and forwards the certificate
C2C.Node.Security.PartnerRateLimits.Add(builder.Services, builder.Configuration);
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddC2CNode(builder.Configuration, builder.Environment.ContentRootPath);

var app = builder.Build();
app.UseUnexpectedFailures();
app.UseRateLimiter();
app.MapOpenApi();
app.MapGet("/health", (C2C.Core.Exchange.NodeContext node) => Results.Ok(new { status = "ok", country = node.Country, mode = mode.ToString() }))
    .WithTags("Operations");
app.MapReadiness();
app.MapMessageEndpoints();
app.MapMovementEndpoints();
app.MapArchiveEndpoints();
app.MapAuditEndpoints();
C2C.Node.Console.ConsoleEndpoints.MapConsole(app);
if (mode == HostingMode.Functions)
    C2C.Node.Hosting.Functions.FunctionEndpoints.MapFunctionEndpoints(app);
app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
