using C2C.Node.Composition;
using C2C.Node.Configuration;
using Microsoft.Azure.Functions.Worker.Builder;

namespace C2C.Node.Hosting.Worker;

/// <summary>
/// Azure hosting: the node as a Functions isolated worker with the ASP.NET Core integration. The Functions host starts
/// the process, receives HTTP and triggers, and invokes the worker's functions (<see cref="HttpFunctions"/>,
/// <see cref="MovementFunctions"/>, <see cref="MovementDoorFunction"/>); the node's own services are the same as
/// standalone (<see cref="FunctionsComposition"/>).
/// </summary>
public static class WorkerHost
{
    /// <summary>Hosting:Mode=Functions, from the app settings (environment) or the command line: decided before any builder exists.</summary>
    public static bool IsRequested(string[] args) =>
        NodeComposition.ModeOf(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()) == HostingMode.Functions;

    public static void Run(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddC2CWorker(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Build().Run();
    }
}
