using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Transit;

/// <summary>
/// What an amendment (IE013) may change, as NCTS has it: not the MRN (it names the declaration amended), the office of
/// departure, the declaration type or the holder of the transit procedure; the itinerary, destination, time limit,
/// goods, transport, seals, guarantee and risk analysis may. Pure.
/// </summary>
public static class AmendmentRules
{
    private static readonly string Root = "/" + MessageCatalog.DeclarationAmendment.RootElement + "/Declaration/";

    /// <summary>The fields that may not change, each with where it sits in an IE013 (the pointer of the refusal).</summary>
    public static readonly IReadOnlyList<(string Name, string Pointer, Func<DeclarationIdentity, string> Value)> Unchangeable =
    [
        ("declaration type", Root + "DeclarationType", d => d.DeclarationType),
        ("office of departure", Root + "CustomsOfficeOfDeparture", d => d.OfficeOfDeparture),
        ("holder of the transit procedure", Root + "HolderOfTheTransitProcedure/IdentificationNumber", d => d.HolderId),
        ("holder of the transit procedure (named, without identification number)", Root + "HolderOfTheTransitProcedure/Name", d => d.HolderId.Length == 0 ? d.HolderName : ""),
    ];

    /// <returns>The first change the amendment may not make, as a functional error (19) with its XPath; null when it may be accepted.</returns>
    public static MessageError? Check(DeclarationIdentity accepted, DeclarationAmended amendment)
    {
        foreach (var (name, pointer, value) in Unchangeable)
        {
            var (was, now) = (value(accepted), value(amendment.Identity));
            if (!string.Equals(was, now, StringComparison.Ordinal))
                return new MessageError(ErrorCodes.RuleViolation, $"IE013 refused: the {name} may not be amended ({was} → {now}).", pointer, now);
        }
        return amendment.CarriesRelease
            ? new MessageError(ErrorCodes.RuleViolation, "IE013 refused: an amendment carries no release time; release is decided with IE029.", Root + "ReleaseDateTime")
            : null;
    }
}
