namespace C2C.Core.Transit;

/// <summary>
/// Each node has a technical office reference, {CC}C2C000, used as the sender of what the node says itself
/// (receipts, NACKs) and as the address of a country when the exact office is unknown (a record request after an
/// unexpected arrival knows only the MRN's country).
/// </summary>
public static class NodeOffices
{
    /// <summary>Addressee of a NACK to a caller that could not be identified (XX: ISO 3166 "unknown").</summary>
    public const string UnknownParty = "XXC2C000";

    public static string Gateway(string country) => $"{country}C2C000";

    public static bool IsGateway(string office) => office.Length == 8 && office.EndsWith("C2C000", StringComparison.Ordinal);
}
