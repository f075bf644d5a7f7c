using System.Text.Json;
using C2C.Core.Partners;

namespace C2C.Adapters.Security.Partners;

/// <summary>
/// Builds the core <see cref="PartnerRegistry"/> from configuration (sections <c>C2C:Identity</c> and
/// <c>C2C:Partners</c>). The node binds those sections with its configuration system and calls
/// <see cref="Build"/>; <see cref="FromJson"/> reads the same shape from an appsettings-style document.
/// Throws <see cref="PartnerRegistryException"/> listing every problem.
/// </summary>
public static class PartnerRegistryLoader
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static PartnerRegistry Build(IdentityOptions identity, IReadOnlyDictionary<string, PartnerOptions> partners)
    {
        var errors = new List<string>();
        var self = new NodeIdentity(
            identity.Country.Trim(),
            Set(identity.Offices),
            new SigningKeyLocation(
                PfxPath: Blank(identity.SigningPfxPath), PfxPasswordFile: Blank(identity.SigningPfxPasswordFile),
                CertificatePemPath: Blank(identity.SigningCertificatePemPath), KeyPemPath: Blank(identity.SigningKeyPemPath),
                PfxBase64: Blank(identity.SigningPfxBase64)));
        var list = partners.Select(entry => ToPartner(entry.Key, entry.Value, errors)).ToList();
        if (errors.Count > 0)
            throw new PartnerRegistryException(errors);
        return PartnerRegistry.Create(self, list);
    }

    /// <summary>Reads <c>{"C2C": {"Identity": {...}, "Partners": {"ID": {...}}}}</c> (property names case-insensitive).</summary>
    public static PartnerRegistry FromJson(string appsettingsJson)
    {
        using var document = JsonDocument.Parse(appsettingsJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var c2c = Property(document.RootElement, "C2C") ?? throw new PartnerRegistryException(["no C2C section"]);
        var identity = Property(c2c, "Identity")?.Deserialize<IdentityOptions>(Json) ?? throw new PartnerRegistryException(["no C2C:Identity section"]);
        var partners = Property(c2c, "Partners")?.Deserialize<Dictionary<string, PartnerOptions>>(Json) ?? [];
        return Build(identity, partners);
    }

    private static Partner ToPartner(string id, PartnerOptions options, List<string> errors)
    {
        var who = $"partner '{id}'";
        var roles = new HashSet<PartnerRole>();
        foreach (var role in options.Roles)
            if (Enum.TryParse<PartnerRole>(role.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                roles.Add(parsed);
            else
                errors.Add($"{who}: unknown role '{role}' (Partner, Auditor or Operator)");
        var hashes = new List<ApiKeyHash>();
        foreach (var (hex, i) in options.ApiKeySha256.Select((h, i) => (h, i)))
            if (ApiKeyHash.Parse(hex) is { } hash)
                hashes.Add(hash);
            else
                errors.Add($"{who}: ApiKeySha256[{i}] is not a SHA-256 hash (64 hex digits)");
        var clientThumbprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, i) in options.ClientCertificateThumbprints.Select((t, i) => (t, i)))
            if (Thumbprints.Normalize(value) is { } thumbprint)
                clientThumbprints.Add(thumbprint);
            else
                errors.Add($"{who}: ClientCertificateThumbprints[{i}] is not a SHA-256 thumbprint");
        var pins = new List<CertificatePin>();
        foreach (var (pin, i) in options.SigningCertificates.Select((p, i) => (p, i)))
        {
            var thumbprint = Blank(pin.Thumbprint);
            var normalized = Thumbprints.Normalize(thumbprint);
            if (thumbprint is not null && normalized is null)
                errors.Add($"{who}: SigningCertificates[{i}].Thumbprint is not a SHA-256 thumbprint");
            pins.Add(new CertificatePin(normalized, Blank(pin.PemPath)));
        }
        return new Partner(id, options.Country.Trim(), Set(options.Offices), roles, hashes, clientThumbprints, pins);
    }

    private static HashSet<string> Set(IEnumerable<string> values) =>
        new(values.Select(v => v.Trim()).Where(v => v.Length > 0), StringComparer.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        return null;
    }
}
