using C2C.Core.Messages;

namespace C2C.Core.Ports;

/// <summary>The record of every replay and purge.</summary>
public interface IOperationsJournal
{
    Task RecordAsync(OpsAction action, CancellationToken cancellationToken);

    /// <summary>The newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OpsAction>> RecentAsync(int max, CancellationToken cancellationToken);
}
