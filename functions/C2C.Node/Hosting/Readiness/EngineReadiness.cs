using Microsoft.DurableTask.Client;

namespace C2C.Node.Hosting.Readiness;

/// <summary>
/// The standalone node's durable backend: the task hub answers a status query through the local engine (its sidecar
/// and the Azure Storage provider), within a few seconds. In the isolated worker the Functions host owns the backend
/// and reports it itself.
/// </summary>
public static class EngineReadiness
{
    private const string Probe = "c2c-readiness-probe";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<ReadinessCheck?> CheckAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (Composition.NodeComposition.ModeOf(configuration) != Configuration.HostingMode.Standalone || services.GetService<DurableTaskClient>() is not { } client)
            return null;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            await client.GetInstanceAsync(Probe, getInputsAndOutputs: false, bounded.Token);
            return new(true, $"task hub {client.Name} answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new(false, $"task hub {client.Name} does not answer: {e.GetType().Name}: {e.Message}");
        }
    }
}
