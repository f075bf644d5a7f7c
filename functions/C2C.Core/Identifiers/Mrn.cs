using System.Text.RegularExpressions;

namespace C2C.Core.Identifiers;

/// <summary>
/// Movement Reference Number: YY + country of departure + 12 alphanumerics + procedure letter (J..M for transit)
/// + ISO 6346 check digit, 18 characters, as in NCTS Phase 5.
/// </summary>
public readonly partial record struct Mrn
{
    public const int Length = 18;

    private Mrn(string value) => Value = value;

    public string Value { get; }

    /// <summary>Country of the office of departure (ISO 3166-1 alpha-2).</summary>
    public string Country => Value.Substring(2, 2);

    public int Year => 2000 + int.Parse(Value.AsSpan(0, 2));

    public override string ToString() => Value;

    public static Mrn Parse(string value) =>
        TryParse(value, out var mrn, out var error) ? mrn : throw new FormatException(error);

    /// <summary>Checks the layout, then the check digit; the error says which failed.</summary>
    public static bool TryParse(string? value, out Mrn mrn, out string? error)
    {
        mrn = default;
        if (value is null || !Layout().IsMatch(value))
        {
            error = $"'{value}' is not an MRN: expected 2 digits, 2 letters, 12 alphanumerics, a letter J-M and a check digit";
            return false;
        }
        var expected = Iso6346.CheckDigit(value.AsSpan(0, Length - 1))!.Value;
        if (value[^1] - '0' != expected)
        {
            error = $"MRN '{value}' has check digit {value[^1]}, expected {expected}";
            return false;
        }
        mrn = new Mrn(value);
        error = null;
        return true;
    }

    /// <summary>Builds an MRN from its parts and computes the check digit.</summary>
    public static Mrn Create(int year, string country, string serial, char procedure = 'J')
    {
        if (serial.Length != 12)
            throw new ArgumentException("serial must be 12 alphanumerics", nameof(serial));
        var body = $"{year % 100:D2}{country}{serial}{procedure}";
        if (!Layout().IsMatch(body + "0"))
            throw new ArgumentException($"'{body}' does not fit the MRN layout");
        return new Mrn(body + Iso6346.CheckDigit(body)!.Value);
    }

    [GeneratedRegex("^[0-9]{2}[A-Z]{2}[A-Z0-9]{12}[J-M][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Layout();
}
