using C2C.Adapters.DurableTask;
using C2C.Adapters.Storage;
using C2C.Core.Dashboard;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Node.Configuration;
using C2C.Orchestration;
using C2C.Orchestration.Activities;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Transit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace C2C.Node.Composition;

/// <summary>
/// The durable engine of a standalone node: one orchestration per movement on Durable Task's Azure Storage provider,
/// in the node's own storage (Azurite locally, the account on premises), and the ingest that hands messages to it.
/// Settings <c>C2C:Engine:*</c> (<see cref="LocalDurableEngineOptions"/>); by default the task hub is in the node's
/// storage and named after it (<c>c2c{node name}</c>, e.g. c2ctg, as on Azure).
/// </summary>
public static class EngineComposition
{
    public const string Section = "C2C:Engine";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalDurableEngineOptions>().PostConfigure<IOptions<StorageOptions>>((o, storage) =>
        {
            if (string.IsNullOrEmpty(o.ConnectionString))
                o.ConnectionString = storage.Value.ConnectionString ?? "";
            if (string.IsNullOrEmpty(o.TaskHub))
                o.TaskHub = TaskHubOf(storage.Value.NodeName);
        });
        services.AddLocalDurableEngine(configuration.GetSection(Section), tasks => tasks.AddMovementOrchestrations());
        services.AddSingleton<IMovementDoor>(sp => new DurableClientDoor(sp.GetRequiredService<MovementHandOff>(), sp.GetRequiredService<DurableTaskClient>()));
        AddIngest(services);
    }

    /// <summary>
    /// The ingest's side of the engine, whatever runs the orchestrations and whichever <see cref="IMovementDoor"/> leads
    /// to them: here the node's own client; in the isolated worker on Azure the queue door (FunctionsComposition).
    /// </summary>
    public static void AddIngest(IServiceCollection services)
    {
        services.AddSingleton(sp => MovementTimesOf(sp.GetRequiredService<IOptions<NodeOptions>>().Value.Movements));
        services.AddSingleton<RecordedSteps>();
        services.AddSingleton(sp => new MovementRecorder(sp.GetRequiredService<NodeContext>(), sp.GetRequiredService<IMessageArchive>(),
            sp.GetRequiredService<IMovementIndex>(), sp.GetRequiredService<IMessageSigner>(), sp.GetRequiredService<RecordedSteps>()));
        services.AddSingleton(sp => new MovementHandOff(sp.GetRequiredService<NodeContext>(), sp.GetRequiredService<IMovementIndex>(), sp.GetRequiredService<CorridorPolicy>(),
            sp.GetRequiredService<MovementTimes>(), TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NodeOptions>>().Value.Movements.AcknowledgeWithinSeconds),
            sp.GetRequiredService<RecordedSteps>()));
        services.AddSingleton<IMovementExchange>(sp => new CountedRefusals(new DurableMovementExchange(sp.GetRequiredService<NodeContext>(), sp.GetRequiredService<IMovementIndex>(),
            sp.GetRequiredService<MovementRecorder>(), sp.GetRequiredService<MovementHandOff>(), sp.GetRequiredService<IMovementDoor>(), sp.GetRequiredService<CorridorPolicy>(),
            sp.GetService<IMessagePublisher>(), sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<ICorridorFigures>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>Azure Storage names: letters and digits, at most 45 (the provider appends its own suffixes).</summary>
    public static string TaskHubOf(string nodeName)
    {
        var name = "c2c" + new string(nodeName.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        return name.Length <= 45 ? name : name[..45];
    }

    private static MovementTimes MovementTimesOf(MovementOptions o) =>
        new(TimeSpan.FromDays(o.StayOpenAfterCloseDays), TimeSpan.FromSeconds(o.RetryPublishAfterSeconds));
}
