using System.Text.Json;
using C2C.Orchestration;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// functions/C2C.Node/host.json: what the Functions host is told about the worker (no custom handler any more). Routes
/// without prefix keep the public paths; the task hub is the node's (Bicep's C2C_TASK_HUB and containers); movements
/// start at the current orchestration version; idle queues are polled often enough for the ingest's acknowledgement wait.
/// </summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement Host = FunctionsHostDouble.HostJson.Read();
    private static readonly JsonElement Extensions = Host.GetProperty("extensions");

    [Fact]
    public void The_host_runs_the_isolated_worker_with_the_public_paths_unprefixed()
    {
        Assert.Equal("2.0", Host.GetProperty("version").GetString());
        Assert.False(Host.TryGetProperty("customHandler", out _));
        Assert.False(Host.TryGetProperty("extensionBundle", out _)); // ignored for .NET isolated apps: the build brings the extensions
        Assert.Equal("", Extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "host.json")), "host.json is copied with the node's build output (the package root)");
    }

    [Fact]
    public void Movements_start_at_the_current_version_in_the_nodes_task_hub()
    {
        var durable = Extensions.GetProperty("durableTask");
        Assert.Equal("%C2C_TASK_HUB%", durable.GetProperty("hubName").GetString());
        Assert.Equal(MovementVersions.Current, durable.GetProperty("defaultVersion").GetString());
        // A worker never runs a movement started by newer code (a deployment rolling over instances).
        Assert.Equal("CurrentOrOlder", durable.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal("Reject", durable.GetProperty("versionFailureStrategy").GetString());
    }

    [Fact]
    public void Idle_queues_are_polled_well_within_the_ingests_acknowledgement_wait()
    {
        var handOff = TimeSpan.Parse(Extensions.GetProperty("queues").GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var taskHub = TimeSpan.Parse(Extensions.GetProperty("durableTask").GetProperty("storageProvider").GetProperty("maxQueuePollingInterval").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);
        // The hand-off queue, then the orchestration's control queue, then its work-item queue, all within the wait.
        Assert.True(handOff + 2 * taskHub < TimeSpan.FromSeconds(new C2C.Node.Configuration.MovementOptions().AcknowledgeWithinSeconds) / 4, $"{handOff} + 2 x {taskHub}");
    }
}
