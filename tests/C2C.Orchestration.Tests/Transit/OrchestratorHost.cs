using C2C.Core.Transit;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;
using C2C.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>
/// The real orchestrator on the in-process test host (in-memory backend, gRPC on a free loopback port), with the
/// activities replaced by an <see cref="EffectLog"/> under the same names.
/// </summary>
internal sealed class OrchestratorHost : IAsyncDisposable
{
    /// <summary>Customs durations cut to seconds so every timer fires within a test.</summary>
    public static readonly CorridorPolicy ShortPolicy = new()
    {
        ControlResultsWithin = TimeSpan.FromSeconds(2),
        EnquiryAfterExpiry = TimeSpan.FromSeconds(2),
        EnquiryAnswerWithin = TimeSpan.FromSeconds(2),
        HoldEarlyMessagesFor = TimeSpan.FromSeconds(3),
    };

    public static readonly MovementTimes ShortTimes = new(StayOpenAfterClose: TimeSpan.FromSeconds(1), RetryPublishAfter: TimeSpan.FromSeconds(1));

    private readonly DurableTaskTestHost _host;

    private OrchestratorHost(DurableTaskTestHost host, EffectLog effects, string nodeCountry) => (_host, Effects, NodeCountry) = (host, effects, nodeCountry);

    public EffectLog Effects { get; }

    public string NodeCountry { get; }

    public DurableTaskClient Client => _host.Client;

    public static async Task<OrchestratorHost> StartAsync(string nodeCountry)
    {
        var effects = new EffectLog(nodeCountry);
        var host = await DurableTaskTestHost.StartAsync(tasks => tasks
                .AddOrchestrator<TransitMovementOrchestrator>()
                .AddActivityFunc<MovementStep, RecordedStep>(nameof(RecordMovementStep), (_, step) => effects.Record(step))
                .AddActivityFunc<OutboundMessage, string>(nameof(PublishToPartner), (_, message) => effects.Publish(message))
                .AddActivityFunc<Refusal, string>(nameof(SendFunctionalNack), (_, refusal) => effects.Refuse(refusal)),
            new DurableTaskTestHostOptions { Port = FreePort.Next() });
        return new OrchestratorHost(host, effects, nodeCountry);
    }

    /// <summary>Starts the movement's orchestration with its first message, as the ingest does.</summary>
    public Task<string> StartAsync(Movements movement, TransitEvent first, CorridorPolicy? policy = null) =>
        Client.ScheduleNewOrchestrationInstanceAsync(nameof(TransitMovementOrchestrator),
            new TransitStart(movement.Mrn, NodeCountry, policy ?? ShortPolicy, ShortTimes, movement.Deliver(first)),
            new StartOrchestrationOptions(MovementInstances.Transit(movement.Mrn)) { Version = MovementVersions.Current });

    public Task DeliverAsync(Movements movement, TransitEvent e) =>
        Client.RaiseEventAsync(MovementInstances.Transit(movement.Mrn), MovementInstances.MessageEvent, movement.Deliver(e));

    public async Task<OrchestrationMetadata> CompletionAsync(Movements movement, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        return await Client.WaitForInstanceCompletionAsync(MovementInstances.Transit(movement.Mrn), getInputsAndOutputs: true, timeout.Token);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
