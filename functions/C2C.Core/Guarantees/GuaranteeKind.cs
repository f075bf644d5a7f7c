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

public static class GuaranteeTypeCodes
{
    /// <summary>The kind a declaration's GuaranteeTypeCode asks for; null for a code that has no GRN behind it.</summary>
    public static GuaranteeKind? KindOf(string typeCode) => typeCode switch
    {
        "1" => GuaranteeKind.Comprehensive,
        "2" or "3" or "4" or "9" => GuaranteeKind.Individual,
        _ => null,
    };
}
