using C2C.Adapters.Security.Partners;
using C2C.Adapters.Security.XmlDsig;
using C2C.Core.Partners;
using C2C.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Adapters.Security;

/// <summary>XML signatures (XMLDSig) plugged into the core's signing ports, and the partner registry they trust.</summary>
public static class SecurityRegistration
{
    /// <summary>
    /// Reads this administration (<paramref name="identity"/>, <see cref="IdentityOptions"/>) and its partners
    /// (<paramref name="partners"/>, <see cref="PartnerOptions"/> by id) now: a bad entry stops the start with the key
    /// to fix, and the composition needs the node's country. Registers the registry, the signer (its key loaded when a
    /// message is first signed) and the verifier. Relative file paths are resolved against <paramref name="contentRoot"/>.
    /// Needs a <see cref="TimeProvider"/>.
    /// </summary>
    public static PartnerRegistry AddXmlDsigSecurity(this IServiceCollection services, IConfigurationSection identity, IConfigurationSection partners, string contentRoot)
    {
        var registry = PartnerRegistryLoader.Build(identity.Get<IdentityOptions>() ?? new IdentityOptions(), partners.Get<Dictionary<string, PartnerOptions>>() ?? []);
        services.AddSingleton(registry);
        services.AddSingleton(_ => SigningCredentialLoader.Load(registry.Self, contentRoot));
        services.AddSingleton(sp => new XmlDsigMessageSigner(new XmlMessageSigner(sp.GetRequiredService<SigningCredential>())));
        services.AddSingleton<IMessageSigner>(sp => new DeferredSigner(sp));
        services.AddSingleton<ISignatureVerifier>(sp => new XmlDsigSignatureVerifier(registry, SigningTrustStore.Load(registry, contentRoot), new XmlSignatureVerifier(sp.GetRequiredService<TimeProvider>())));
        return registry;
    }

    /// <summary>
    /// Loads the signing key when a message is first signed, not when the exchange is built: a node whose certificate
    /// is not in Key Vault yet still starts and says so at /health/ready; signing fails until it is there (retried:
    /// a failed load is not cached).
    /// </summary>
    private sealed class DeferredSigner(IServiceProvider services) : IMessageSigner
    {
        public byte[] Sign(ReadOnlySpan<byte> xml) => services.GetRequiredService<XmlDsigMessageSigner>().Sign(xml);
    }
}
