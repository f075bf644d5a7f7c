namespace C2C.Core.Guarantees;

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
