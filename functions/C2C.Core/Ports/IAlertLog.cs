namespace C2C.Core.Ports;

/// <summary>
/// Alerts for operations: partner deliveries this node refused without applying them (bad signature, wrong sender,
/// invalid message). The delivery itself goes to the dead-letter queue; the alert makes it visible in the console.
/// </summary>
public interface IAlertLog
{
    /// <summary>Idempotent per (day, content): a redelivered refusal is one alert.</summary>
    Task RaiseAsync(OpsAlert alert, CancellationToken cancellationToken);

    /// <summary>The most recent alerts, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OpsAlert>> RecentAsync(int max, CancellationToken cancellationToken);
}
