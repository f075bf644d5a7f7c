namespace C2C.Core.Guarantees;

/// <summary>
/// What a guarantee reference number (GRN) covers. NCTS guarantee type codes: 1 comprehensive (many movements up to the
/// reference amount); 2, 3, 4 and 9 individual (one movement). Other codes (waivers) reserve nothing against a GRN.
/// </summary>
public enum GuaranteeKind
{
    Comprehensive,
    Individual,
}
