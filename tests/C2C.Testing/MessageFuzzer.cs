using System.Text;

namespace C2C.Testing;

/// <summary>
/// Seeded mutations of valid messages, as a careless or hostile partner system might send them: byte flips,
/// truncation, duplicated or dropped elements, huge attributes, deep nesting, entity declarations, stray Unicode.
/// The seed is printed by the tests, so any failure replays exactly (C2C_FUZZ_SEED, C2C_FUZZ_ITERATIONS).
/// </summary>
public sealed class MessageFuzzer(int seed)
{
    private readonly Random _random = new(seed);

    public int Seed => seed;

    public static int SeedFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable("C2C_FUZZ_SEED"), out var fixedSeed) ? fixedSeed : Environment.TickCount & 0x7fffffff;

    public static int Iterations(int byDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("C2C_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : byDefault;

    public (string Mutation, byte[] Bytes) Mutate(byte[] valid)
    {
        var text = Encoding.UTF8.GetString(valid);
        switch (_random.Next(9))
        {
            case 0:
                var flipped = (byte[])valid.Clone();
                for (var i = 0; i < 1 + _random.Next(8); i++)
                    flipped[_random.Next(flipped.Length)] ^= (byte)(1 << _random.Next(8));
                return ("byte flips", flipped);
            case 1:
                return ("truncation", valid[.._random.Next(1, valid.Length)]);
            case 2:
                var (start, end) = Element(text);
                return ("duplicated element", Utf8(text.Insert(end, text[start..end])));
            case 3:
                var (from, to) = Element(text);
                return ("dropped element", Utf8(text.Remove(from, to - from)));
            case 4:
                var at = text.IndexOf('>', text.IndexOf("<Header", StringComparison.Ordinal));
                return ("huge attribute", Utf8(text.Insert(at, $" note=\"{new string('A', 200_000 + _random.Next(100_000))}\"")));
            case 5:
                var depth = 50 + _random.Next(500);
                var close = text.LastIndexOf("</", StringComparison.Ordinal);
                return ("deep nesting", Utf8(text.Insert(close, string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth)))));
            case 6:
                var body = text.IndexOf("?>", StringComparison.Ordinal) + 2;
                return ("entity declaration", Utf8(text.Insert(body, "<!DOCTYPE d [<!ENTITY e \"" + new string('e', _random.Next(1, 50)) + "\">]>").Replace("</MessageId>", "&e;</MessageId>")));
            case 7:
                var (s, e) = Element(text);
                var inner = text.IndexOf('>', s) + 1;
                var junk = new string(Enumerable.Range(0, 1 + _random.Next(20)).Select(_ => (char)_random.Next(0x01, 0xFFFF)).Where(c => !char.IsSurrogate(c)).ToArray());
                return ("stray unicode", Utf8(text.Insert(Math.Min(inner, e), junk)));
            default:
                var swapped = text.Replace("urn:c2c:transit:v1", _random.Next(2) == 0 ? "urn:c2c:transit:v2" : "", StringComparison.Ordinal);
                return ("namespace", Utf8(swapped));
        }
    }

    /// <summary>A random complete leaf element &lt;Name&gt;value&lt;/Name&gt; of the message (start, end).</summary>
    private (int Start, int End) Element(string text)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = text.IndexOf('<', _random.Next(text.Length));
            if (start < 0 || start + 1 >= text.Length || text[start + 1] is '/' or '?' or '!')
                continue;
            var nameEnd = text.IndexOfAny([' ', '>'], start);
            var name = text[(start + 1)..nameEnd];
            var closing = text.IndexOf($"</{name}>", start, StringComparison.Ordinal);
            if (closing > 0)
                return (start, closing + name.Length + 3);
        }
        return (0, 0);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
