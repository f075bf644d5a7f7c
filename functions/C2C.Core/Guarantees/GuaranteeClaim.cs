namespace C2C.Core.Guarantees;

/// <summary>
/// What a declaration asks of its guarantee: the GRN and type code it names, the amount it declares to be covered,
/// and the value of its goods. The amount at risk is the larger of the two: a declarant may cover more than the goods,
/// never less (NCTS computes the amount at risk from the goods; without a tariff here, their customs value is the
/// conservative reference).
/// </summary>
public sealed record GuaranteeClaim(string Grn, string TypeCode, decimal AmountToBeCovered, string Currency, decimal GoodsValue)
{
    public decimal AmountAtRisk => Math.Max(AmountToBeCovered, GoodsValue);
}
