namespace C2C.Core.Partners;

/// <summary>
/// The parties this node knows: partner administrations (who may post, from which offices, signed with which
/// certificates) and auditors. Built once from configuration and validated; immutable afterwards.
/// </summary>
public sealed class PartnerRegistry
{
    private readonly Dictionary<string, Partner> _byId;
    private readonly Dictionary<string, Partner> _byOffice;
    private readonly Dictionary<string, Partner> _byClientCertificate;
    private readonly (ApiKeyHash Hash, Partner Partner)[] _apiKeys;

    private PartnerRegistry(NodeIdentity self, IReadOnlyList<Partner> partners)
    {
        Self = self;
        Partners = partners;
        _byId = partners.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        _byOffice = partners.SelectMany(p => p.Offices.Select(o => (o, p))).ToDictionary(x => x.o, x => x.p, StringComparer.Ordinal);
        _byClientCertificate = partners.SelectMany(p => p.ClientCertificateThumbprints.Select(t => (t, p))).ToDictionary(x => x.t, x => x.p, StringComparer.Ordinal);
        _apiKeys = partners.SelectMany(p => p.ApiKeyHashes.Select(h => (h, p))).ToArray();
    }

    public NodeIdentity Self { get; }

    public IReadOnlyList<Partner> Partners { get; }

    /// <summary>Validates and builds the registry; throws <see cref="PartnerRegistryException"/> listing every problem.</summary>
    public static PartnerRegistry Create(NodeIdentity self, IEnumerable<Partner> partners)
    {
        var list = partners.ToList();
        var errors = PartnerRegistryValidation.Check(self, list);
        if (errors.Count > 0)
            throw new PartnerRegistryException(errors);
        return new PartnerRegistry(self, list);
    }

    /// <summary>Ids are case-insensitive, as configuration keys are.</summary>
    public Partner? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The partner administration owning an office (the one whose signing certificates apply to it).</summary>
    public Partner? FindOfficeOwner(string officeRef) => _byOffice.GetValueOrDefault(officeRef);

    /// <summary>
    /// Whether messages for <paramref name="officeRef"/> are this node's to apply: one of its offices, its technical
    /// office, or an office of its own national systems (registered as a party of this country).
    /// </summary>
    public bool IsOwnOffice(string officeRef) =>
        Self.Serves(officeRef) || officeRef == Transit.NodeOffices.Gateway(Self.Country) || FindOfficeOwner(officeRef)?.Country == Self.Country;

    /// <summary>The party a mutual-TLS client certificate belongs to (thumbprint in any accepted form).</summary>
    public Partner? FindByClientCertificate(string thumbprint) =>
        Thumbprints.Normalize(thumbprint) is { } normalized ? _byClientCertificate.GetValueOrDefault(normalized) : null;

    /// <summary>
    /// Identifies the caller from an API key. Every registered hash is compared, in constant time and without
    /// stopping at the first match, so the time taken tells nothing about which key is closest or where it is.
    /// </summary>
    public AccessDecision AuthenticateApiKey(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
            return AccessDecision.Deny(null, AccessDenial.MissingCredentials, "no API key presented");
        if (apiKey.Length is < ApiKeyHash.MinimumKeyLength or > ApiKeyHash.MaximumKeyLength)
            return AccessDecision.Deny(null, AccessDenial.UnknownCredentials, "API key not recognised");
        var presented = ApiKeyHash.Of(apiKey);
        Partner? match = null;
        foreach (var (hash, partner) in _apiKeys)
        {
            var equal = hash.Matches(presented);
            match = equal ? partner : match;
        }
        return match is null
            ? AccessDecision.Deny(null, AccessDenial.UnknownCredentials, "API key not recognised")
            : AccessDecision.Allow(match, $"authenticated as '{match.Id}'");
    }
}
