using System.Reflection;
using DurableTask.Core;

namespace C2C.Adapters.DurableTask;

/// <summary>
/// The orchestration service as the sidecar's dispatcher sees it, with one guard: a stop waits for a start still in
/// flight, and a stop without a start does nothing. The sidecar starts the service from its application-started hook
/// without waiting, and stops it from the stopping hook; a node stopped a moment after it started (tests do that)
/// reached the provider's StopAsync before its StartAsync had set it up, which threw in an async-void hook and took
/// the whole process down. Every other call goes straight through (a <see cref="DispatchProxy"/>: nothing to keep in step
/// with the interface).
/// </summary>
public class StartBeforeStop : DispatchProxy
{
    private IOrchestrationService _inner = null!;
    private Task? _starting;

    public static IOrchestrationService Around(IOrchestrationService inner)
    {
        var proxy = Create<IOrchestrationService, StartBeforeStop>();
        ((StartBeforeStop)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod!.Name)
        {
            case nameof(IOrchestrationService.StartAsync):
                return _starting = _inner.StartAsync();
            case nameof(IOrchestrationService.StopAsync):
                return StopAsync(args is { Length: 1 } && args[0] is true);
            default:
                try
                {
                    return targetMethod.Invoke(_inner, args);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                    throw;
                }
        }
    }

    private async Task StopAsync(bool isForced)
    {
        if (_starting is not { } starting)
            return;
        try
        {
            await starting;
        }
        catch (Exception)
        {
            return; // it never started: nothing to stop
        }
        await _inner.StopAsync(isForced);
    }
}
