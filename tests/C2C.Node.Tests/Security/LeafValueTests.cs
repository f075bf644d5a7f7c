using System.Text;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace C2C.Node.Tests.Security;

/// <summary>
/// Every value of every sample message replaced by a hostile one (empty, huge numbers, impossible dates, offices and
/// MRNs where they do not belong, markup), posted by the national systems of the sender's country: whatever the node
/// answers, it is never a 5xx. A seeded sample of the variants runs by default (the seed is printed);
/// C2C_LEAF_VARIANTS=all runs every one (about 7,300, half a minute).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class LeafValueTests(LocalStack stack, ITestOutputHelper output) : IDisposable
{
    private const int DefaultVariants = 600;

    private static readonly string[] Hostile =
    [
        "", "99999999999999999999", "-1", "0", "9999-12-31", "0001-01-01T00:00:00+14:00", "2026-02-30", "NaN", "1E400",
        new string('9', 200), "TGLOM001", "MVMLE001", "26TGLOM000000142J4", "true", "<", "x&amp;y",
    ];

    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task No_value_in_any_field_of_any_message_makes_the_node_answer_5xx()
    {
        var unlimited = new[] { ("C2C:RateLimits:PermitsPerMinute", "1000000"), ("C2C:RateLimits:Burst", "1000000") };
        using var tg = new InProcessNode(_network, "TG", stack, unlimited);
        using var bf = new InProcessNode(_network, "BF", stack, unlimited);
        var variants = Directory.GetFiles(RepoPaths.Samples, "*.xml").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension)
            .SelectMany(name => Enumerable.Range(0, XDocument.Parse(Samples.Text(name!)).Descendants().Count(e => !e.HasElements))
                .SelectMany(leaf => Hostile.Select(value => (Sample: name!, Leaf: leaf, Value: value))))
            .ToList();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("C2C_LEAF_SEED"), out var s) ? s : Environment.TickCount;
        var random = new Random(seed);
        var chosen = Environment.GetEnvironmentVariable("C2C_LEAF_VARIANTS") == "all" ? variants : [.. variants.OrderBy(_ => random.Next()).Take(DefaultVariants)];
        output.WriteLine($"seed {seed} (C2C_LEAF_SEED), {chosen.Count} of {variants.Count} variants");

        var failures = new List<string>();
        foreach (var (sample, leafIndex, value) in chosen)
        {
            var copy = XDocument.Parse(Samples.Text(sample).Replace(Samples.Mrn, Samples.NewMrn()));
            foreach (var id in copy.Descendants().Where(e => e.Name.LocalName == "MessageId"))
                id.Value = "L" + Guid.NewGuid().ToString("N")[..20]; // each variant is a new message, so it reaches the deciders
            var leaf = copy.Descendants().Where(e => !e.HasElements).ElementAt(leafIndex);
            leaf.Value = value;
            var sender = copy.Descendants().FirstOrDefault(e => e.Name.LocalName == "MessageSender")?.Value ?? "";
            using var response = await InProcessNode.PostAsync((sender.StartsWith("BF", StringComparison.Ordinal) ? bf : tg).Offices(),
                Encoding.UTF8.GetBytes(copy.Declaration + copy.ToString(SaveOptions.DisableFormatting)));
            if ((int)response.StatusCode >= 500)
                failures.Add($"{sample} {leaf.Name.LocalName}='{value}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join('\n', failures.Take(20)));
    }
}
