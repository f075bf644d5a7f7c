using Azure.Core;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Turns the bound settings into the namespaces the adapter connects to: the SAS key read from its file, an unresolved
/// Key Vault reference recognised, Entra ID where no key is given. Every problem names the configuration key to fix.
/// </summary>
/// <param name="sectionPath">Where the settings came from, e.g. C2C:Messaging:ServiceBus.</param>
public sealed class ServiceBusNamespaces(ServiceBusMessagingOptions settings, string sectionPath, Func<TokenCredential> entraId)
{
    /// <exception cref="InvalidOperationException">a setting cannot be used, named in the message.</exception>
    public ServiceBusOptions Own()
    {
        var (options, problem) = Namespace(sectionPath, settings.FullyQualifiedNamespace, settings.Port, settings.UseTls,
            settings.SasKeyName, settings.SasKey, settings.SasKeyFile);
        return problem is null ? options : throw new InvalidOperationException($"{sectionPath}: {problem}");
    }

    /// <exception cref="InvalidOperationException">a destination's setting cannot be used, named in the message.</exception>
    public ServiceBusDestinations Destinations(ServiceBusOptions own) =>
        new(settings.Destinations.Select(entry =>
        {
            var path = $"{sectionPath}:Destinations:{entry.Key}";
            var country = entry.Key.ToUpperInvariant();
            if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
                throw new InvalidOperationException($"{path}: the key must be an ISO 3166-1 alpha-2 country code");
            var d = entry.Value;
            var (options, problem) = Namespace(path, d.FullyQualifiedNamespace, d.Port ?? own.Port, d.UseTls ?? own.UseTls, d.SasKeyName, d.SasKey, d.SasKeyFile);
            if (d.MaxMessageKilobytes * 1024 <= ServiceBusDestination.EnvelopeBytes)
                throw new InvalidOperationException($"{path}:MaxMessageKilobytes must be above {ServiceBusDestination.EnvelopeBytes / 1024} (was {d.MaxMessageKilobytes})");
            return new ServiceBusDestination(country, options, problem, d.MaxMessageKilobytes * 1024);
        }));

    /// <returns>The validated options, and why they cannot be used yet (the SAS key is an unresolved Key Vault reference), or null.</returns>
    private (ServiceBusOptions Options, string? Problem) Namespace(string path, string fullyQualifiedNamespace, int port, bool useTls,
        string? keyName, string? inlineKey, string? keyFile)
    {
        if (string.IsNullOrEmpty(fullyQualifiedNamespace))
            throw new InvalidOperationException($"{path}:FullyQualifiedNamespace is required");
        var key = inlineKey is { Length: > 0 } ? inlineKey : keyFile is null ? null : ReadKey(path, keyFile);
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
            Port = port,
            UseTls = useTls,
            SasKeyName = keyName,
            SasKey = key,
            Credential = key is null ? entraId() : null,
            PrefetchCount = settings.PrefetchCount,
            MaxConcurrentDeliveries = settings.MaxConcurrentDeliveries,
            MaxLockRenewal = settings.MaxLockRenewal,
        };
        try
        {
            return (options.Validated(), problem);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{path}:{e.Message}", e);
        }
    }

    private static string ReadKey(string path, string file)
    {
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"{path}:SasKeyFile cannot be read ({file}): {e.Message}", e);
        }
    }
}
