using C2C.Core.Ports;

namespace C2C.Orchestration.Activities;

/// <summary>
/// The archive is write-once: an activity run again stores the same name again. The same bytes give back the record;
/// other bytes (a signature made anew) mean the first run's copy exists, and that copy is the one kept and sent.
/// </summary>
internal static class ArchiveOnce
{
    public static async Task<ArchivedMessage> StoreAsync(IMessageArchive archive, ArchiveEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await archive.StoreAsync(entry, cancellationToken);
        }
        catch (ArchiveConflictException conflict)
        {
            return (await archive.ReadAsync(conflict.Name, cancellationToken))?.Message
                ?? throw new InvalidOperationException($"archive {conflict.Name} conflicts but cannot be read", conflict);
        }
    }
}
