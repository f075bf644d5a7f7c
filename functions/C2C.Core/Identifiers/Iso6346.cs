namespace C2C.Core.Identifiers;

/// <summary>
/// The ISO 6346 check-digit algorithm. NCTS uses it for the MRN's last character, and it is the container
/// identification check digit: letters count A=10 upward skipping multiples of 11, each character is weighted 2^position.
/// </summary>
public static class Iso6346
{
    private static readonly int[] LetterValues = BuildLetterValues();

    /// <summary>Check digit (0-9) of an upper-case alphanumeric string, or null if it holds another character.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> value)
    {
        long sum = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            int v;
            if (c is >= '0' and <= '9')
                v = c - '0';
            else if (c is >= 'A' and <= 'Z')
                v = LetterValues[c - 'A'];
            else
                return null;
            sum += (long)v << i;
        }
        return (int)(sum % 11 % 10);
    }

    private static int[] BuildLetterValues()
    {
        var values = new int[26];
        var v = 10;
        for (var i = 0; i < 26; i++, v++)
        {
            if (v % 11 == 0)
                v++;
            values[i] = v;
        }
        return values;
    }
}
