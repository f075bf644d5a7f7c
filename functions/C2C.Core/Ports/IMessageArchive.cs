namespace C2C.Core.Ports;

/// <summary>The original XML of every message, inbound and outbound, never overwritten (ARCHITECTURE decision 2).</summary>
public interface IMessageArchive
{
    /// <summary>
    /// Stores the bytes under <see cref="Archive.ArchiveNaming.NameOf"/>. Storing the same bytes again returns the
    /// existing record; different bytes under the same name throw <see cref="ArchiveConflictException"/>.
    /// </summary>
    Task<ArchivedMessage> StoreAsync(ArchiveEntry entry, CancellationToken cancellationToken);

    Task<ArchivedContent?> ReadAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<ArchivedMessage>> SearchAsync(ArchiveQuery query, CancellationToken cancellationToken);

    /// <summary>Only for an orphan left by a lost optimistic-concurrency race (never indexed).</summary>
    Task DeleteOrphanAsync(string name, CancellationToken cancellationToken);
}
