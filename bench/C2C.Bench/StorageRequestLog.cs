using System.Text.RegularExpressions;
using C2C.Testing;

namespace C2C.Bench;

/// <summary>
/// Counts the requests the storage emulator has served, by account and HTTP method, from Azurite's access log (one
/// line per request; bench/run.sh starts Azurite with C2C_AZURITE_ACCESS_LOG=1). A transaction ($batch) is one request.
/// Counting at the emulator covers every process and needs nothing inside them. The nodes' task hubs live in an
/// account of their own (<see cref="TaskHubAccount"/>): a transaction's URL names no table, the account tells them apart.
/// </summary>
public sealed partial class StorageRequestLog(string path)
{
    /// <summary>The account of our archive and index (Azurite's default account).</summary>
    public const string OurAccount = "devstoreaccount1";

    public static StorageRequestLog? FromStack()
    {
        if (Environment.GetEnvironmentVariable("C2C_AZURITE_ACCESS_LOG") != "1")
            return null;
        var path = Path.Combine(Environment.GetEnvironmentVariable("C2C_STACK_DIR") ?? Path.Combine(RepoPaths.Root, ".stack"), "azurite.log");
        return File.Exists(path) ? new StorageRequestLog(path) : null;
    }

    /// <summary>Requests served so far, by account. Waits a moment first: the emulator writes its log asynchronously.</summary>
    public async Task<Served> SnapshotAsync()
    {
        await Task.Delay(500);
        var byAccount = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (await reader.ReadLineAsync() is { } line)
        {
            if (AccessLine().Match(line) is not { Success: true } m)
                continue;
            var byMethod = byAccount.TryGetValue(m.Groups[2].Value, out var known) ? known : byAccount[m.Groups[2].Value] = new(StringComparer.Ordinal);
            byMethod[m.Groups[1].Value] = byMethod.GetValueOrDefault(m.Groups[1].Value) + 1;
        }
        return new Served(byAccount.ToDictionary(kv => kv.Key, kv => new Counts(kv.Value), StringComparer.Ordinal));
    }

    [GeneratedRegex("\"([A-Z]+) /([^/?\\s]+)\\S* HTTP/[0-9.]+\" [0-9]{3} ")]
    private static partial Regex AccessLine();

    /// <summary>Requests by account.</summary>
    public sealed record Served(IReadOnlyDictionary<string, Counts> ByAccount)
    {
        public long Total => ByAccount.Values.Sum(c => c.Total);

        public Counts Of(string? account) => account is not null && ByAccount.TryGetValue(account, out var counts) ? counts : new Counts(new Dictionary<string, long>());

        public Served Minus(Served earlier) =>
            new(ByAccount.ToDictionary(kv => kv.Key, kv => kv.Value.Minus(earlier.Of(kv.Key)), StringComparer.Ordinal));
    }

    public sealed record Counts(IReadOnlyDictionary<string, long> ByMethod)
    {
        public long Total => ByMethod.Values.Sum();

        public Counts Minus(Counts earlier) => new(ByMethod.ToDictionary(kv => kv.Key, kv => kv.Value - earlier.ByMethod.GetValueOrDefault(kv.Key)));

        /// <summary>Requests per unit of work, leaving out <paramref name="subtractGets"/> reads made by the bench itself.</summary>
        public double Rate(double units, long subtractGets = 0) => (Total - subtractGets) / units;

        /// <summary>"12.0 (GET 4.0, PUT 5.0, ...)" per unit of work.</summary>
        public string Per(double units, long subtractGets = 0) =>
            FormattableString.Invariant($"{Rate(units, subtractGets):0.0} (")
            + string.Join(", ", ByMethod.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => FormattableString.Invariant($"{kv.Key} {(kv.Value - (kv.Key == "GET" ? subtractGets : 0)) / units:0.0}"))) + ")";
    }
}
