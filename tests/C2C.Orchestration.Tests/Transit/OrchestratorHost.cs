using System.Collections.Concurrent;
using C2C.Core.Transit;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Cargo;
using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;
using C2C.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>
/// The real orchestrators on the in-process test host (in-memory backend, gRPC on a free loopback port), with the
/// activities replaced by an <see cref="EffectLog"/> under the same names. Deliveries between movements (a vessel's
/// arrival to its consignments) start or raise through the host's client as the hand-off does, and count as done once
/// the log has the other movement's step.
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
    private readonly ConcurrentDictionary<string, int> _toDrop = new(StringComparer.Ordinal);

    private OrchestratorHost(DurableTaskTestHost host, EffectLog effects, string nodeCountry) => (_host, Effects, NodeCountry) = (host, effects, nodeCountry);

    public EffectLog Effects { get; }

    public string NodeCountry { get; }

    public DurableTaskClient Client => _host.Client;

    /// <param name="guarantees">The guarantees this node's releases reserve against (by default the sample's, never exhausted).</param>
    public static async Task<OrchestratorHost> StartAsync(string nodeCountry, InMemoryGuaranteeLedger? guarantees = null)
    {
        guarantees ??= new InMemoryGuaranteeLedger(SampleGuarantee.Guarantee);
        var effects = new EffectLog(nodeCountry);
        OrchestratorHost? self = null;
        var host = await DurableTaskTestHost.StartAsync(tasks => tasks
                .AddOrchestrator<TransitMovementOrchestrator>()
                .AddOrchestrator<CargoMovementOrchestrator>()
                .AddActivityFunc<MovementStep, RecordedStep>(nameof(RecordMovementStep), (_, step) => effects.Record(step))
                .AddActivityFunc<OutboundMessage, string>(nameof(PublishToPartner), (_, message) => effects.Publish(message))
                .AddActivityFunc<Refusal, string>(nameof(SendFunctionalNack), (_, refusal) => effects.Refuse(refusal))
                .AddActivityFunc<MovementMessage, bool>(nameof(DeliverToMovement), (_, message) => self!.DeliverToMovementAsync(message))
                .AddActivityFunc<GuaranteeRequest, GuaranteeAnswer>(nameof(ReserveGuarantee), (context, request) => new ReserveGuarantee(guarantees).RunAsync(context, request))
                .AddActivityFunc<GuaranteeSettlement, string>(nameof(SettleGuarantee), (context, settlement) => new SettleGuarantee(guarantees).RunAsync(context, settlement)),
            new DurableTaskTestHostOptions { Port = FreePort.Next() });
        return self = new OrchestratorHost(host, effects, nodeCountry);
    }

    /// <summary>The next <paramref name="count"/> deliveries to <paramref name="reference"/> are lost, as the provider loses an event to an instance it has not started yet.</summary>
    public void LoseDeliveries(string reference, int count) => _toDrop[reference] = count;

    /// <summary>Starts any movement's orchestration with its first message, as the ingest's hand-off does.</summary>
    public Task<string> StartAsync(MovementMessage first) =>
        Client.ScheduleNewOrchestrationInstanceAsync(MovementRoutes.Of(first).Orchestrator,
            MovementRoutes.Start(first, NodeCountry, ShortPolicy, ShortTimes, Effects.RecordOf(first.MovementReference)),
            new StartOrchestrationOptions(MovementRoutes.Of(first).InstanceId) { Version = MovementVersions.Current });

    public Task DeliverAsync(MovementMessage message) => Client.RaiseEventAsync(MovementRoutes.Of(message).InstanceId, MovementInstances.MessageEvent, message);

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>What <see cref="DeliverToMovement"/> does, on the log: recorded already, or start (again, from its record) or raise.</summary>
    private async Task<bool> DeliverToMovementAsync(MovementMessage message)
    {
        if (Effects.HasRecorded(message.MovementReference, message.MessageId))
            return true;
        Effects.Delivered(message);
        if (!(_toDrop.TryGetValue(message.MovementReference, out var left) && left > 0 && _toDrop.TryUpdate(message.MovementReference, left - 1, left)))
            await HandOverAsync(message);
        return false;
    }

    /// <summary>As the hand-off delivers: raised to the movement's running orchestration, else started (again, from its record).</summary>
    public async Task HandOverAsync(MovementMessage message)
    {
        if (await Client.GetInstanceAsync(MovementRoutes.Of(message).InstanceId) is { IsCompleted: false })
            await DeliverAsync(message);
        else
            await StartAsync(message);
    }

    /// <summary>Starts the movement's orchestration with its first message, as the ingest does.</summary>
    public Task<string> StartAsync(Movements movement, TransitEvent first, CorridorPolicy? policy = null) =>
        Client.ScheduleNewOrchestrationInstanceAsync(nameof(TransitMovementOrchestrator),
            new TransitStart(movement.Mrn, NodeCountry, policy ?? ShortPolicy, ShortTimes, movement.Deliver(first)),
            new StartOrchestrationOptions(MovementInstances.Transit(movement.Mrn)) { Version = MovementVersions.Current });

    public Task DeliverAsync(Movements movement, TransitEvent e) =>
        Client.RaiseEventAsync(MovementInstances.Transit(movement.Mrn), MovementInstances.MessageEvent, movement.Deliver(e));

    public Task<OrchestrationMetadata> CompletionAsync(Movements movement, TimeSpan? within = null) => CompletionAsync(MovementInstances.Transit(movement.Mrn), within);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
