namespace C2C.Core.Guarantees;

/// <summary>
/// A guarantee registered at the country of departure (its national guarantee management): reference amount and
/// currency, principal, validity, and the countries whose administrations accept it (the corridor's single guarantee).
/// </summary>
public sealed record Guarantee(
    string Grn,
    GuaranteeKind Kind,
    decimal ReferenceAmount,
    string Currency,
    Principal Principal,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    IReadOnlyList<string> Countries)
{
    /// <summary>What is wrong with a registration, or null (the register refuses these with 400).</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(Grn) || Grn.Length > 35 ? "GRN must have 1-35 characters"
        : ReferenceAmount <= 0 ? "reference amount must be positive"
        : decimal.Round(ReferenceAmount, 2) != ReferenceAmount ? "reference amount has at most 2 decimals"
        : Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper) ? "currency must be an ISO 4217 code"
        : ValidTo < ValidFrom ? "validity ends before it starts"
        : Countries.Count == 0 || Countries.Any(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper)) ? "countries must be ISO 3166 alpha-2 codes, at least one"
        : string.IsNullOrWhiteSpace(Principal.IdentificationNumber) ? "principal's identification number is required"
        : null;
}
