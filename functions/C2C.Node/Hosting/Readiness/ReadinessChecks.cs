using C2C.Adapters.Security.XmlDsig;
using C2C.Adapters.ServiceBus;
using C2C.Adapters.Storage;
using C2C.Core.Partners;

namespace C2C.Node.Hosting.Readiness;

/// <summary>
/// What /health/ready checks, beyond the process being up (/health): the node can sign (its certificate loaded from
/// Key Vault), reach its storage with its identity, and send to every partner country it knows.
/// </summary>
public static class ReadinessChecks
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(10);

    public static ReadinessCheck Signing(IServiceProvider services, TimeProvider clock)
    {
        var self = services.GetRequiredService<PartnerRegistry>().Self;
        if (KeyVaultReference.IsUnresolved(self.Signing.PfxBase64))
            return new(false, "C2C:Identity:SigningPfxBase64 is still a Key Vault reference: import the certificate 'signing' into the vault, then restart the app (docs/deployment.md)");
        try
        {
            var credential = services.GetRequiredService<SigningCredential>();
            var certificate = credential.Certificate;
            return certificate.NotAfter < clock.GetUtcNow().UtcDateTime
                ? new(false, $"{certificate.Subject} expired on {certificate.NotAfter:yyyy-MM-dd}")
                : new(true, $"{certificate.Subject}, SHA-256 {credential.Thumbprint}, valid until {certificate.NotAfter:yyyy-MM-dd}");
        }
        catch (XmlSigningException e)
        {
            return new(false, e.Message);
        }
    }

    public static async Task<ReadinessCheck> StorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var clients = services.GetRequiredService<StorageClients>();
        var problem = await clients.ProblemAsync(StorageTimeout, cancellationToken);
        return problem is null
            ? new(true, $"{clients.Blobs.Uri.Host}: container {clients.Names.Archive} and table {clients.Names.Movements} answer")
            : new(false, $"{clients.Blobs.Uri.Host}: {problem}");
    }

    /// <summary>Service Bus: each partner administration in the registry, and each configured destination, must have a usable destination.</summary>
    public static ReadinessCheck Broker(IServiceProvider services, IConfiguration configuration)
    {
        if (services.GetService<ServiceBusDestinations>() is not { } destinations)
        {
            var provider = configuration["C2C:Messaging:Provider"] ?? "None";
            return provider.Equals("None", StringComparison.OrdinalIgnoreCase)
                ? new(true, "Messaging:Provider None: HTTP only, nothing is sent to partners")
                : new(true, $"{provider}: one broker holds every country's topic");
        }
        var registry = services.GetRequiredService<PartnerRegistry>();
        var countries = registry.Partners.Where(p => p.Has(PartnerRole.Partner) && p.Country != registry.Self.Country).Select(p => p.Country)
            .Concat(destinations.All.Select(d => d.Country)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (countries.Count == 0)
            return new(false, "no partner destination configured (C2C:Messaging:ServiceBus:Destinations:{CC}, Bicep outboundDestinations)");
        (bool Ok, string Text) Status(string cc) => destinations.Find(cc) switch
        {
            null => (false, $"registered partner without a destination: configure C2C:Messaging:ServiceBus:Destinations:{cc}"),
            { Problem: { } problem } => (false, problem),
            var d => (true, $"{d.Topic} on {d.Namespace.FullyQualifiedNamespace} with {(d.Namespace.UsesSas ? $"SAS rule {d.Namespace.SasKeyName}" : "our Entra ID identity")}, at most {d.MaxMessageBytes / 1024} KB"),
        };
        var items = countries.ToDictionary(cc => cc, Status);
        var failing = items.Where(i => !i.Value.Ok).Select(i => i.Key).ToList();
        return new(failing.Count == 0,
            failing.Count == 0 ? $"Service Bus: {countries.Count} partner destination(s) configured (connections open on first send)" : $"Service Bus: cannot send to {string.Join(", ", failing)}",
            items.ToDictionary(i => i.Key, i => i.Value.Text));
    }
}
