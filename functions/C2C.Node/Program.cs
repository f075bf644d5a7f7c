using C2C.Node.Composition;
using C2C.Node.Configuration;
using C2C.Node.Http;

if (C2C.Node.Hosting.Worker.WorkerHost.IsRequested(args))
{
    // On Azure: the Functions isolated worker, started by the Functions host (Hosting__Mode=Functions).
    C2C.Node.Hosting.Worker.WorkerHost.Run(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["ConfigFile"] is { Length: > 0 } configFile)
{
    // On-premises and local runs keep a node's settings in one JSON file (same shape as appsettings.json).
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
}
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
C2C.Node.Security.MutualTls.Configure(builder);
builder.Services.AddNodeHttp(builder.Configuration);
builder.Services.AddC2CNode(builder.Configuration, builder.Environment.ContentRootPath);

var app = builder.Build();
// A bad setting stops the node here, before the host starts anything, with each adapter's message naming the key
// (their options are validated at start): not halfway through starting, where a hosted service would meet it first.
app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
app.UseNodeHttp();
app.MapNodeEndpoints(HostingMode.Standalone);
app.Run();

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
