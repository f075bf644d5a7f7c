namespace C2C.Adapters.Storage;

/// <summary>Container and table names of one node (ARCHITECTURE decision 3: separate containers/tables per node).</summary>
public sealed record StorageNames(string Archive, string Movements, string Messages, string Lookups, string Guarantees)
{
    /// <summary>The corridor figures the dashboard reads (<see cref="TableCorridorFigures"/>).</summary>
    public string Figures { get; init; } = "figures";

    public IReadOnlyList<string> AllTables => [Movements, Messages, Lookups, Guarantees, Figures];

    public static StorageNames For(string nodeName)
    {
        var n = new string(nodeName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (n.Length is 0 or > 20)
            throw new ArgumentException($"node name '{nodeName}' must have 1-20 letters or digits", nameof(nodeName));
        return new($"archive-{n}", $"movements{n}", $"messages{n}", $"lookups{n}", $"guarantees{n}") { Figures = $"figures{n}" };
    }
}
