using System.Globalization;
using C2C.Core.Guarantees;

namespace C2C.Testing;

/// <summary>
/// The comprehensive guarantee the sample declaration names (schemas/samples/IE015), registered at every test node with
/// a reference amount no test exhausts, valid in every test country: tests about other things release as before.
/// </summary>
public static class SampleGuarantee
{
    public const string Grn = "26TG0000000001234";

    public static readonly Guarantee Guarantee = new(Grn, GuaranteeKind.Comprehensive, 1_000_000_000_000m, "XOF",
        new Principal("TG1000234567", "Sahel Transit Logistique SARL"), new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31),
        [.. TestNetwork.DefaultOffices.Keys.Order(StringComparer.Ordinal)]);

    /// <summary>A fresh GRN for a test's own guarantee (registered by the test, so its balance is the test's alone).</summary>
    public static string NewGrn() => $"26TG{Random.Shared.NextInt64(0, 10_000_000_000_000):D13}";

    /// <summary>The sample declaration for <paramref name="mrn"/>, naming <paramref name="grn"/> instead of the sample's guarantee (18.5 M XOF at risk).</summary>
    public static byte[] Declaration(string mrn, string grn) =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(Samples.ForMovement("IE015-TransitDeclaration", mrn)).Replace(Grn, grn, StringComparison.Ordinal));

    /// <summary>The JSON body of PUT /api/v1/guarantees/{grn}: a comprehensive guarantee valid in Togo and Burkina Faso.</summary>
    public static object Registration(decimal referenceAmount) => new
    {
        kind = "Comprehensive", referenceAmount, currency = "XOF",
        principal = new { identificationNumber = "TG1000234567", name = "Sahel Transit Logistique SARL" },
        validFrom = "2020-01-01", validTo = "2099-12-31", countries = new[] { "TG", "BF" },
    };

    /// <summary>As a node's configuration registers it (<c>C2C:Guarantees:{GRN}</c>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(Guarantee g)
    {
        var p = $"C2C:Guarantees:{g.Grn}:";
        yield return new(p + "Kind", g.Kind.ToString());
        yield return new(p + "ReferenceAmount", g.ReferenceAmount.ToString(CultureInfo.InvariantCulture));
        yield return new(p + "Currency", g.Currency);
        yield return new(p + "PrincipalId", g.Principal.IdentificationNumber);
        yield return new(p + "PrincipalName", g.Principal.Name);
        yield return new(p + "ValidFrom", g.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new(p + "ValidTo", g.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        for (var i = 0; i < g.Countries.Count; i++)
            yield return new(p + $"Countries:{i}", g.Countries[i]);
    }
}
