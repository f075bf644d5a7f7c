namespace C2C.Adapters.ServiceBus;

/// <summary>
/// App Service resolves an app setting "@Microsoft.KeyVault(SecretUri=...)" with the app's identity; when it cannot
/// (secret not there yet, no access) the app sees the reference text itself. Such a value is not a key.
/// </summary>
public static class KeyVaultReference
{
    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
