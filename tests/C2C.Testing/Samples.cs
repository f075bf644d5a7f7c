namespace C2C.Testing;

/// <summary>The sample messages of schemas/samples (one per message type, one Lomé → Ouagadougou movement).</summary>
public static class Samples
{
    public const string Mrn = "26TGLOM000000142J4";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Samples, name + ".xml"));

    public static string Text(string name) => File.ReadAllText(Path.Combine(RepoPaths.Samples, name + ".xml"));

    /// <summary>
    /// A sample rewritten for another movement: its MRN replaced and its message id made unique, so several
    /// movements can run side by side (the header's MessageId stays within the schema's 35 characters). Without a tag,
    /// the MRN after its year and country (unique among one country's movements of a year) makes the ids unique.
    /// </summary>
    public static byte[] ForMovement(string name, string mrn) => ForMovement(name, mrn, mrn[4..]);

    public static byte[] ForMovement(string name, string mrn, string tag) =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(Text(name).Replace(Mrn, mrn, StringComparison.Ordinal),
            "<MessageId>([^<]*)</MessageId>", m => $"<MessageId>{Shorten(m.Groups[1].Value, tag)}</MessageId>"));

    private static string Shorten(string id, string tag)
    {
        var combined = $"{id}-{tag}";
        return combined.Length <= 35 ? combined : combined[^35..];
    }
}
