using System.Text.RegularExpressions;

namespace C2C.Core.Partners;

/// <summary>
/// Consistency rules for the registry, checked once at start-up so that a bad configuration stops the node
/// instead of weakening it (an office owned twice, a key shared by two parties, a partner with no way to verify it).
/// </summary>
internal static partial class PartnerRegistryValidation
{
    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{6}$")]
    private static partial Regex OfficeReference();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex PartyId();

    public static IReadOnlyList<string> Check(NodeIdentity self, IReadOnlyList<Partner> partners)
    {
        var errors = new List<string>();
        CheckSelf(self, errors);
        var officeOwners = self.Offices.ToDictionary(o => o, _ => "this node", StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var apiKeyOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var clientCertOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var partner in partners)
        {
            var who = $"partner '{partner.Id}'";
            if (!PartyId().IsMatch(partner.Id))
                errors.Add($"{who}: id must be 1-64 letters, digits, '_' or '-'");
            if (!ids.Add(partner.Id))
                errors.Add($"{who}: id is registered twice");
            if (!CountryCode().IsMatch(partner.Country))
                errors.Add($"{who}: country '{partner.Country}' is not an ISO 3166-1 alpha-2 code");
            CheckRoles(partner, who, self.Country, errors);
            CheckOffices(partner, who, officeOwners, errors);
            foreach (var hash in partner.ApiKeyHashes)
                if (!apiKeyOwners.TryAdd(hash.Hex, partner.Id))
                    errors.Add($"{who}: an API key hash is also registered for '{apiKeyOwners[hash.Hex]}'");
            foreach (var thumbprint in partner.ClientCertificateThumbprints)
            {
                if (Thumbprints.Normalize(thumbprint) != thumbprint)
                    errors.Add($"{who}: client certificate thumbprint '{thumbprint}' is not a normalised SHA-256 thumbprint");
                else if (!clientCertOwners.TryAdd(thumbprint, partner.Id))
                    errors.Add($"{who}: client certificate {thumbprint} is also registered for '{clientCertOwners[thumbprint]}'");
            }
            foreach (var pin in partner.SigningCertificates)
            {
                if (pin.Thumbprint is null && string.IsNullOrWhiteSpace(pin.PemPath))
                    errors.Add($"{who}: a signing certificate needs a thumbprint or a PEM path");
                if (pin.Thumbprint is not null && Thumbprints.Normalize(pin.Thumbprint) != pin.Thumbprint)
                    errors.Add($"{who}: signing certificate thumbprint '{pin.Thumbprint}' is not a normalised SHA-256 thumbprint");
            }
        }
        return errors;
    }

    private static void CheckSelf(NodeIdentity self, List<string> errors)
    {
        if (!CountryCode().IsMatch(self.Country))
            errors.Add($"identity: country '{self.Country}' is not an ISO 3166-1 alpha-2 code");
        if (self.Offices.Count == 0)
            errors.Add("identity: the node must serve at least one office");
        foreach (var office in self.Offices)
            if (!OfficeReference().IsMatch(office) || !office.StartsWith(self.Country, StringComparison.Ordinal))
                errors.Add($"identity: office '{office}' is not an office reference number of {self.Country}");
        var signing = self.Signing;
        if (new[] { signing.IsPfx, signing.IsPem, signing.IsInlinePfx }.Count(form => form) != 1)
            errors.Add("identity: configure the signing key as exactly one of: a PFX file, PEM certificate + key, or an inline PFX (Key Vault reference)");
        else if (signing.IsPfx && string.IsNullOrWhiteSpace(signing.PfxPasswordFile))
            errors.Add("identity: a PFX signing key needs its password file");
        else if (signing.IsPem && (string.IsNullOrWhiteSpace(signing.CertificatePemPath) || string.IsNullOrWhiteSpace(signing.KeyPemPath)))
            errors.Add("identity: a PEM signing key needs both the certificate and the key path");
    }

    private static void CheckRoles(Partner partner, string who, string ownCountry, List<string> errors)
    {
        if (partner.Roles.Count != 1)
            errors.Add($"{who}: exactly one role is required (Partner, Auditor or Operator); they are kept separate");
        // A foreign administration's messages cross the border signed; the node's own national office systems
        // post over HTTP with an API key or client certificate and need no signing certificate.
        if (partner.Has(PartnerRole.Partner) && partner.Country != ownCountry && partner.SigningCertificates.Count == 0)
            errors.Add($"{who}: a partner administration needs at least one signing certificate, else its messages cannot be verified");
        var staff = partner.Has(PartnerRole.Auditor) ? "an auditor" : partner.Has(PartnerRole.Operator) ? "an operator" : null;
        if (staff is not null && (partner.Offices.Count > 0 || partner.SigningCertificates.Count > 0))
            errors.Add($"{who}: {staff} owns no office and has no signing certificate");
        if (staff is not null && partner.ApiKeyHashes.Count == 0 && partner.ClientCertificateThumbprints.Count == 0)
            errors.Add($"{who}: {staff} needs an API key hash or a client certificate to sign in");
    }

    private static void CheckOffices(Partner partner, string who, Dictionary<string, string> owners, List<string> errors)
    {
        if (partner.Has(PartnerRole.Partner) && partner.Offices.Count == 0)
            errors.Add($"{who}: a partner must own at least one office");
        foreach (var office in partner.Offices)
        {
            if (!OfficeReference().IsMatch(office) || !office.StartsWith(partner.Country, StringComparison.Ordinal))
                errors.Add($"{who}: office '{office}' is not an office reference number of {partner.Country}");
            else if (!owners.TryAdd(office, $"partner '{partner.Id}'"))
                errors.Add($"{who}: office '{office}' is already owned by {owners[office]}");
        }
    }
}
