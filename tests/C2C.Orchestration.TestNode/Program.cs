using C2C.Orchestration.TestNode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Settings come from the environment (Engine__TaskHub, Node__PublishLog...), as a test sets them for a child process.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
using var host = await EngineNode.BuildAsync(configuration, CancellationToken.None);
await host.StartAsync();
Console.WriteLine("engine node ready");
await host.WaitForShutdownAsync();
