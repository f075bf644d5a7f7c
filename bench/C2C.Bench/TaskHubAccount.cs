using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using C2C.Testing;

namespace C2C.Bench;

/// <summary>
/// Where the bench's task hubs live: the second Azurite account bench/run.sh starts (C2C_AZURITE_TASKHUB_ACCOUNT), so
/// the access log counts the engine's requests apart from ours. Without it (a stack started otherwise), the node's
/// default: the task hub in our account, and the engine's requests are counted with ours.
/// </summary>
public static partial class TaskHubAccount
{
    public static string ConnectionString(LocalStack stack) =>
        stack.Settings.GetValueOrDefault("C2C_TASKHUB_CONNECTION_STRING") ?? stack.StorageConnectionString;

    /// <summary>The account's name, as the access log shows it; null when the task hubs share our account.</summary>
    public static string? Name(LocalStack stack) =>
        stack.Settings.ContainsKey("C2C_TASKHUB_CONNECTION_STRING") ? AccountName().Match(ConnectionString(stack)).Groups[1].Value : null;

    /// <summary>
    /// Deletes every queue and table of the task hub account between runs (never our account; the containers, leased
    /// by the task hubs, stay: a few small blobs). The emulator looks up a queue's visible messages among all messages
    /// of the account, so the durable timers a run leaves behind (one per movement at departure, due in days) would
    /// slow every later run's queue reads; a real account does not.
    /// </summary>
    public static async Task ClearAsync(LocalStack stack)
    {
        if (Name(stack) is null)
            return;
        var connectionString = ConnectionString(stack);
        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync())
            await queues.DeleteQueueAsync(queue.Name);
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
            await tables.DeleteTableAsync(table.Name);
    }

    [GeneratedRegex("AccountName=([^;]+)")]
    private static partial Regex AccountName();
}
