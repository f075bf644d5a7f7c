using C2C.Adapters.Storage;
using C2C.Testing;

namespace C2C.Integration.Tests.Storage;

/// <summary>A fresh node's storage (own container and tables) on the shared Azurite, per test class.</summary>
public static class StorageFixture
{
    public static async Task<StorageClients> NewNodeAsync(LocalStack stack)
    {
        var clients = new StorageClients(new StorageOptions
        {
            ConnectionString = stack.StorageConnectionString,
            NodeName = "t" + Guid.NewGuid().ToString("N")[..12],
        });
        await clients.EnsureCreatedAsync(CancellationToken.None);
        return clients;
    }
}
