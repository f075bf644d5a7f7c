using Microsoft.Azure.Functions.Worker;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// A function invocation's context as the worker hands it to a function, for calling function classes directly: its
/// services (a scope per invocation, as the worker makes one) and cancellation. What no function of the node reads
/// (binding data, trace and retry context, definition) is refused loudly rather than made up.
/// </summary>
internal sealed class WorkerFunctionContext(IServiceProvider services, string functionName, CancellationToken cancellationToken = default) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => functionName;

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override CancellationToken CancellationToken => cancellationToken;

    public override TraceContext TraceContext => throw Unused(nameof(TraceContext));

    public override BindingContext BindingContext => throw Unused(nameof(BindingContext));

    public override RetryContext RetryContext => throw Unused(nameof(RetryContext));

    public override FunctionDefinition FunctionDefinition => throw Unused(nameof(FunctionDefinition));

    public override IInvocationFeatures Features => throw Unused(nameof(Features));

    private NotSupportedException Unused(string member) => new($"{functionName}: {member} is not read by the node's functions; this test double does not provide it");
}
