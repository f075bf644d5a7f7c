using System.Text.RegularExpressions;
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

    [GeneratedRegex("AccountName=([^;]+)")]
    private static partial Regex AccountName();
}
