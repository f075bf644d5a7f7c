using System.ComponentModel.DataAnnotations;

namespace C2C.Adapters.DurableTask;

/// <summary>
/// The local durable backend: Durable Task's Azure Storage provider on Azurite (or a storage account on premises).
/// Configuration section C2C:Engine; the initializers are the defaults, written nowhere else.
/// </summary>
public sealed class LocalDurableEngineOptions
{
    /// <summary>Storage holding the task hub: the node's own account, beside its archive and index (ARCHITECTURE decision 2).</summary>
    [Required(ErrorMessage = "is required")]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// One task hub per node (its queues, tables and containers are prefixed with it), so nodes sharing one Azurite never
    /// see each other's movements. Azure Storage rules: 3-45 letters and digits, starting with a letter.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "must be 3-45 letters and digits, starting with a letter")]
    public string TaskHub { get; set; } = "";

    /// <summary>
    /// Control-queue partitions. One node's traffic fits one; each partition is polled on its own, so more partitions
    /// cost idle storage requests on a machine where the emulator is the bottleneck.
    /// </summary>
    [Range(1, 16, ErrorMessage = "must be between {1} and {2}")]
    public int PartitionCount { get; set; } = 1;

    /// <summary>Loopback port of the in-process gRPC sidecar; 0 picks a free one at start.</summary>
    [Range(0, 65535, ErrorMessage = "must be between {1} and {2}")]
    public int SidecarPort { get; set; }

    /// <summary>
    /// How long a dequeued work item stays invisible to other workers: after a crash, what the dead worker had taken
    /// runs again only after this. The sidecar never renews it, so an activity must finish well within it.
    /// </summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait between polls of an idle queue: lower reacts faster, higher costs fewer storage requests.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Orchestration work items (one movement's episode each) this node runs at once (provider default 100).</summary>
    [Range(1, 1000, ErrorMessage = "must be between {1} and {2}")]
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>Activities (record, publish, NACK) this node runs at once (provider default 10).</summary>
    [Range(1, 1000, ErrorMessage = "must be between {1} and {2}")]
    public int MaxConcurrentActivities { get; set; } = 10;

    /// <summary>Messages taken from a control queue per read (1-32, the storage queue's maximum and the provider's default).</summary>
    [Range(1, 32, ErrorMessage = "must be between {1} and {2}")]
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>
    /// Housekeeping (<see cref="CompletedMovementPurge"/>): the task hub's record of a finished movement (completed,
    /// terminated or failed) is purged once the movement started this many days ago. The archive and the index, which
    /// auditors read, are not touched. Fractions are allowed (tests use seconds).
    /// </summary>
    [Range(1e-6, 36500, ErrorMessage = "must be between {1} and {2}")]
    public double PurgeCompletedAfterDays { get; set; } = 90;

    /// <summary>How often the purge runs; <see cref="TimeSpan.Zero"/> switches it off (another process purges this task hub).</summary>
    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// One purge call covers the movements started within this span, so a call's work is bounded by a span's traffic
    /// even when years are due (a purge switched on late); the pass walks back span by span.
    /// </summary>
    public TimeSpan PurgeWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A pass starts no new purge call after this long; the next pass walks back again from the newest span (spans already empty cost one query each).</summary>
    public TimeSpan PurgePassLimit { get; set; } = TimeSpan.FromMinutes(5);
}
