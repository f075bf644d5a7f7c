namespace C2C.Bench.DurableFloor;

/// <summary>Named settings of the engine (<c>LocalDurableEngineOptions</c> keys) for the floor's comparison.</summary>
public static class EngineSettings
{
    public const string Defaults = "defaults";

    /// <summary>What bench/run.sh compares: see bench/ANALYSIS.md for why these. The last is the floor's shape, not the engine's.</summary>
    public const string Compared =
        "4 partitions:PartitionCount=4;"
        + "polling 0.1 s:MaxQueuePollingInterval=00:00:00.100;"
        + "32 activities:MaxConcurrentActivities=32;"
        + "publish activities (versions 1-2):Floor:PublishActivities=true";

    public static IReadOnlyList<(string Name, IReadOnlyDictionary<string, string?> Settings)> Parse(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(variant =>
        {
            var (name, pairs) = (variant[..variant.IndexOf(':')], variant[(variant.IndexOf(':') + 1)..]);
            IReadOnlyDictionary<string, string?> settings = pairs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToDictionary(p => p[..p.IndexOf('=')], p => (string?)p[(p.IndexOf('=') + 1)..], StringComparer.Ordinal);
            return (name, settings);
        })];

    /// <summary>Defaults first, then each variant followed by the defaults again: every variant has a default run on either side.</summary>
    public static IEnumerable<(string Name, IReadOnlyDictionary<string, string?> Settings)> Alternated(IReadOnlyList<(string Name, IReadOnlyDictionary<string, string?> Settings)> variants)
    {
        var defaults = (Defaults, (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>());
        yield return defaults;
        foreach (var variant in variants)
        {
            yield return variant;
            yield return defaults;
        }
    }
}
