using C2C.Core.Messages;

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

    public static IReadOnlyList<(string Code, string Text)> Flags(ParsedMessage preArrival)
    {
        var flags = new List<(string, string)>();
        foreach (var code in preArrival.Root.Descendants(ParsedMessage.Ns + "CommodityCode").Select(c => c.Value).Distinct())
        {
            if (ChaptersOfInterest.TryGetValue(code[..2], out var reason))
                flags.Add(($"HS-{code[..4]}", $"Chapter {code[..2]} ({reason})."));
        }
        if (preArrival.Find("Consignee") is null)
            flags.Add(("NO-CONSIGNEE", "No consignee declared: pre-clearance impossible, document check on arrival."));
        return flags;
    }
}
