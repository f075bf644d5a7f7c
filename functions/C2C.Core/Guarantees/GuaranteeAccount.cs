namespace C2C.Core.Guarantees;

/// <summary>A guarantee with what is reserved against it now. Balance = reference amount − reserved.</summary>
/// <param name="Flagged">An enquiry ended unresolved on a movement it covers: its amount stays reserved until recovery.</param>
/// <param name="Used">Movements that ever reserved against it (an individual guarantee covers one).</param>
public sealed record GuaranteeAccount(Guarantee Guarantee, decimal Reserved, int Used, bool Flagged)
{
    public decimal Balance => Guarantee.ReferenceAmount - Reserved;
}
