using C2C.Adapters.Storage;

namespace C2C.Bench.Growth;

/// <summary>
/// A node's storage of its own for one measurement, removed afterwards: on a real account (growth measured at 100 k
/// or 1 M messages) what the bench wrote is not left behind to be paid for.
/// </summary>
public sealed class BenchStorage : IAsyncDisposable
{
    private BenchStorage(StorageClients clients) => Clients = clients;

    public StorageClients Clients { get; }

    public static async Task<BenchStorage> CreateAsync(string connectionString, string prefix)
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = connectionString, NodeName = $"{prefix}{Guid.NewGuid():N}"[..20] });
        await clients.EnsureCreatedAsync(CancellationToken.None);
        return new BenchStorage(clients);
    }

    public async ValueTask DisposeAsync()
    {
        await Clients.Archive.DeleteIfExistsAsync();
        foreach (var table in Clients.Names.AllTables)
            await Clients.Tables.DeleteTableAsync(table);
    }
}
