using C2C.Core.Identifiers;
using CsCheck;

namespace C2C.Core.Tests.Identifiers;

public sealed class MrnTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly Gen<Mrn> GenMrn =
        from year in Gen.Int[0, 99]
        from country in Gen.Char['A', 'Z'].Array[2]
        from serial in Gen.Char[Alnum].Array[12]
        from procedure in Gen.Char['J', 'M']
        select Mrn.Create(year, new string(country), new string(serial), procedure);

    [Theory]
    [InlineData("26TGLOM000000142J4")]
    [InlineData("26TGLOM000000143J3")]
    public void Known_mrns_are_valid(string value) => Assert.Equal(value, Mrn.Parse(value).Value);

    [Fact]
    public void Iso6346_matches_a_published_container_number() =>
        // CSQU3054383 is the standard's worked example.
        Assert.Equal(3, Iso6346.CheckDigit("CSQU305438"));

    [Theory]
    [InlineData("26TGLOM000000142J5", "check digit")]
    [InlineData("26TGLOM000000142A4", "not an MRN")]
    [InlineData("26tgLOM000000142J4", "not an MRN")]
    [InlineData("26TGLOM00000142J4", "not an MRN")]
    [InlineData(null, "not an MRN")]
    public void Invalid_mrns_say_why(string? value, string reason)
    {
        Assert.False(Mrn.TryParse(value, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Generated_mrns_always_parse_back() =>
        GenMrn.Sample(mrn => Mrn.TryParse(mrn.Value, out var parsed, out _) && parsed == mrn && mrn.Value.Length == Mrn.Length);

    [Fact]
    public void A_single_character_change_is_detected_exactly_when_iso6346_can_see_it() =>
        // Independent model: weights 2^i are never 0 mod 11, so a substitution goes unseen only when the two
        // characters' values differ by a multiple of 11, or when the sums fold onto the same digit (10 -> 0).
        (from mrn in GenMrn
         from position in Gen.Int[4, 15]
         from replacement in Gen.Char[Alnum]
         select (mrn, position, replacement))
        .Sample(t =>
        {
            var chars = t.mrn.Value.ToCharArray();
            chars[t.position] = t.replacement;
            var changed = new string(chars);
            int before = SumMod11(t.mrn.Value[..17]), after = SumMod11(changed[..17]);
            var unseen = before == after || (before, after) is (0, 10) or (10, 0);
            return Mrn.TryParse(changed, out _, out _) == unseen;
        });

    [Fact]
    public void Any_single_digit_change_of_the_serial_is_detected_or_folds() =>
        (from mrn in GenMrn
         from position in Gen.Int[4, 15]
         from digit in Gen.Char['0', '9']
         select (mrn, position, digit))
        .Sample(t =>
        {
            var chars = t.mrn.Value.ToCharArray();
            if (!char.IsDigit(chars[t.position]) || chars[t.position] == t.digit)
                return true;
            chars[t.position] = t.digit;
            var changed = new string(chars);
            return !Mrn.TryParse(changed, out _, out _) || SumMod11(changed[..17]) is 0 or 10;
        });

    [Fact]
    public void Country_and_year_are_read_from_the_mrn()
    {
        var mrn = Mrn.Parse("26TGLOM000000142J4");
        Assert.Equal("TG", mrn.Country);
        Assert.Equal(2026, mrn.Year);
    }

    private static int SumMod11(string body) => (int)(Enumerable.Range(0, body.Length)
        .Sum(i => (long)(char.IsDigit(body[i]) ? body[i] - '0' : LetterValue(body[i])) << i) % 11);

    private static int LetterValue(char c)
    {
        var v = 10;
        for (var ch = 'A'; ch < c; ch++) { v++; if (v % 11 == 0) v++; }
        return v;
    }
}
