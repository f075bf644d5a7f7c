using Microsoft.DurableTask.Client;

namespace C2C.Node.Hosting.Worker;

/// <summary>
/// The Durable client of the current HTTP invocation (its <c>[DurableClient]</c> binding: the worker has no other), in
/// the invocation's services, so the node's endpoints read a movement's orchestration as standalone they read it from
/// the node's own client. Null outside an HTTP invocation: the endpoints then show no orchestration status.
/// </summary>
public sealed class InvocationDurableClient
{
    public DurableTaskClient? Client { get; set; }
}
