namespace C2C.Core.Cargo;

/// <summary>
/// Import-side risk targeting of pre-arrival data (SASEC). Deliberately simple and documented: HS chapters that need
/// an agency check on arrival, and missing parties that prevent pre-clearance.
/// </summary>
public static class CargoTargeting
{
    private static readonly Dictionary<string, string> ChaptersOfInterest = new()
    {
        ["01"] = "live animals: veterinary check",
        ["03"] = "fish and crustaceans: sanitary certificate check on arrival",
        ["30"] = "pharmaceuticals: drug authority check",
        ["36"] = "explosives: dangerous goods inspection",
        ["93"] = "arms and ammunition: licence check",
    };

    /// <param name="commodityCodes">The HS codes of the goods items, distinct.</param>
    public static IReadOnlyList<(string Code, string Text)> Flags(IReadOnlyList<string> commodityCodes, bool hasConsignee)
    {
        var flags = new List<(string, string)>();
        foreach (var code in commodityCodes)
        {
            if (ChaptersOfInterest.TryGetValue(code[..2], out var reason))
                flags.Add(($"HS-{code[..4]}", $"Chapter {code[..2]} ({reason})."));
        }
        if (!hasConsignee)
            flags.Add(("NO-CONSIGNEE", "No consignee declared: pre-clearance impossible, document check on arrival."));
        return flags;
    }
}
