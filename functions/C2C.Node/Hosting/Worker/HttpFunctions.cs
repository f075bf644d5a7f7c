using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace C2C.Node.Hosting.Worker;

/// <summary>
/// The public HTTP surface as the Functions host sees it: one anonymous function per top-level path (host.json's route
/// prefix is empty), each handing the request to the node's own pipeline. Authentication is the node's (client
/// certificate forwarded by the platform, or API key), as standalone. No route reaches anything but these paths.
/// The API's function also takes a Durable client, for the movement and audit endpoints' orchestration status.
/// </summary>
public sealed class HttpFunctions(NodeRequestPipeline pipeline, InvocationDurableClient invocationClient)
{
    [Function("PublicApi")]
    public IResult Api([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "head", Route = "api/{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        invocationClient.Client = client;
        return pipeline.Dispatch();
    }

    [Function("PublicConsole")]
    public IResult Console([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "console/{*path}")] HttpRequest request) =>
        pipeline.Dispatch();

    [Function("PublicDashboard")]
    public IResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "dashboard/{*path}")] HttpRequest request) =>
        pipeline.Dispatch();

    [Function("PublicHealth")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "health/{*check}")] HttpRequest request) =>
        pipeline.Dispatch();

    [Function("PublicOpenApi")]
    public IResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "openapi/{*path}")] HttpRequest request) =>
        pipeline.Dispatch();
}
