using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;
using C2C.Orchestration.TestNode;
using C2C.Orchestration.Transit;
using C2C.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>A node's settings on the test's Azurite (its own task hub and storage names) and the sample journey of a TG movement.</summary>
/// <param name="country">The node's country: TG for transit, IN and MV for SASEC cargo.</param>
internal sealed class EngineSetting(LocalStack stack, string country = EngineNode.Country)
{
    private static readonly MessageValidator Validator = new();

    public string Country => country;

    public string TaskHub { get; } = "t" + Guid.NewGuid().ToString("N")[..16];

    public string Storage { get; } = "d" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Outlives one engine (a test stops a node and starts another on the same setting), so it lives with the run's
    /// results, which the test command clears, like the nodes' logs; the task hub stays on the run's Azurite.
    /// </summary>
    public string PublishLog { get; } = Path.Combine(Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults", "publish-logs")).FullName,
        $"{Guid.NewGuid():N}.log");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Engine:ConnectionString"] = stack.StorageConnectionString,
        ["Engine:TaskHub"] = TaskHub,
        // What a killed node had taken comes back after this (the default, 5 minutes, would outlast the test).
        ["Engine:QueueVisibilityTimeout"] = "00:00:15",
        ["Node:Storage"] = Storage,
        ["Node:PublishLog"] = PublishLog,
        ["Node:Country"] = country,
        ["Node:StayOpenAfterClose"] = Times.StayOpenAfterClose.ToString(),
        ["Node:RetryPublishAfter"] = Times.RetryPublishAfter.ToString(),
    };

    public IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();

    /// <summary>Short only where the test waits: the orchestration ends soon after the write-off; customs deadlines stay real.</summary>
    public static readonly MovementTimes Times = new(StayOpenAfterClose: TimeSpan.FromSeconds(2), RetryPublishAfter: TimeSpan.FromSeconds(2));

    /// <summary>How the ingest starts a movement: its instance id, at the current version.</summary>
    public static StartOrchestrationOptions StartOptions(string mrn, string version = MovementVersions.Current) =>
        new(MovementInstances.Transit(mrn)) { Version = version };

    public static TransitStart Start(string mrn) => new(mrn, "TG", CorridorPolicy.Default, Times, Message("IE015-TransitDeclaration", mrn, MessageOrigin.Local));

    /// <summary>Border passage at Cinkassé, arrival and control results at Ouagadougou, from the Burkina Faso node.</summary>
    public static IReadOnlyList<MovementMessage> Reports(string mrn) =>
        [.. new[] { "IE118-BorderPassageNotification", "IE006-ArrivalAdvice", "IE018-ControlResults" }.Select(s => Message(s, mrn, MessageOrigin.Partner))];

    /// <param name="tag">Makes the message ids unique: another tag, another message about the same movement.</param>
    public static MovementMessage Message(string sample, string mrn, MessageOrigin origin, string? tag = null)
    {
        var result = Validator.Validate(tag is null ? Samples.ForMovement(sample, mrn) : Samples.ForMovement(sample, mrn, tag));
        var parsed = result.Message ?? throw new InvalidOperationException($"sample {sample}: {result.Rejection!.Errors[0].Reason}");
        return MovementMessage.Of(parsed, origin, origin == MessageOrigin.Partner ? "Valid" : "NotSigned");
    }
}
