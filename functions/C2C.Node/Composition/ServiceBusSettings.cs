using Azure.Core;
using C2C.Adapters.ServiceBus;
using C2C.Node.Configuration;

namespace C2C.Node.Composition;

/// <summary>
/// Reads C2C:Messaging:ServiceBus: our own namespace (where our inbound topic is) and one destination per partner
/// country under Destinations:{CC} (the partner's namespace, where its topic is). Each namespace entry takes SAS
/// (SasKeyName + SasKey, on Azure a Key Vault reference, or SasKeyFile) or, without them, Entra ID with the node's
/// managed identity. MaxMessageKilobytes is the partner topic's limit (256 on Standard, default).
/// </summary>
internal static class ServiceBusSettings
{
    private const string Path = "C2C:Messaging:ServiceBus";

    public static ServiceBusOptions Own(IConfigurationSection section, Func<TokenCredential> entraId)
    {
        var (options, problem) = Namespace(section, Path, section["FullyQualifiedNamespace"] ?? throw new InvalidOperationException($"{Path}:FullyQualifiedNamespace is required"), null, entraId);
        return problem is null ? options : throw new InvalidOperationException($"{Path}: {problem}");
    }

    public static ServiceBusDestinations Destinations(IConfigurationSection section, ServiceBusOptions own, Func<TokenCredential> entraId) =>
        new(section.GetSection("Destinations").GetChildren().Select(entry =>
        {
            var path = $"{Path}:Destinations:{entry.Key}";
            var country = entry.Key.ToUpperInvariant();
            if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
                throw new InvalidOperationException($"{path}: the key must be an ISO 3166-1 alpha-2 country code");
            var (options, problem) = Namespace(entry, path, entry["FullyQualifiedNamespace"] ?? throw new InvalidOperationException($"{path}:FullyQualifiedNamespace is required"), own, entraId);
            var kilobytes = entry.GetValue("MaxMessageKilobytes", ServiceBusDestination.StandardMaxMessageBytes / 1024);
            if (kilobytes * 1024 <= ServiceBusDestination.EnvelopeBytes)
                throw new InvalidOperationException($"{path}:MaxMessageKilobytes must be above {ServiceBusDestination.EnvelopeBytes / 1024}");
            return new ServiceBusDestination(country, options, problem, kilobytes * 1024);
        }));

    /// <returns>The validated options, and why they cannot be used yet (the SAS key is an unresolved Key Vault reference), or null.</returns>
    private static (ServiceBusOptions Options, string? Problem) Namespace(IConfigurationSection section, string path, string fullyQualifiedNamespace, ServiceBusOptions? defaults, Func<TokenCredential> entraId)
    {
        var keyName = section["SasKeyName"];
        var keyFile = section["SasKeyFile"];
        var key = section["SasKey"] is { Length: > 0 } inline ? inline : keyFile is null ? null : File.ReadAllText(keyFile).Trim();
        if ((keyName is null) != (key is null))
            throw new InvalidOperationException($"{path}: SAS needs both SasKeyName and SasKey (or SasKeyFile); Entra ID needs neither");
        string? problem = null;
        if (KeyVaultReference.IsUnresolved(key))
        {
            problem = $"{path}:SasKey is an unresolved Key Vault reference (is the secret in the vault, and may the app read it?)";
            key = "unresolved"; // stays a SAS destination, listed with its problem; ServiceBusDestinations.For refuses it

        }
        var options = new ServiceBusOptions
        {
            FullyQualifiedNamespace = fullyQualifiedNamespace,
            Port = section.GetValue("Port", defaults?.Port ?? 5671),
            UseTls = section.GetValue("UseTls", defaults?.UseTls ?? true),
            SasKeyName = keyName,
            SasKey = key,
            Credential = key is null ? entraId() : null,
            // As for RabbitMQ: deliveries wait for their movement's acknowledgement. Prefetched messages are locked
            // without renewal until handled, so no more ahead than are handled at once.
            PrefetchCount = section.GetValue("PrefetchCount", 32),
            MaxConcurrentDeliveries = section.GetValue("MaxConcurrentDeliveries", 32),
            MaxLockRenewal = section.GetValue("MaxLockRenewal", TimeSpan.FromMinutes(5)),
        };
        try
        {
            return (options.Validated(), problem);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
    }
}
