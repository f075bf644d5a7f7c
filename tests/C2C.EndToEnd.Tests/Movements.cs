namespace C2C.EndToEnd.Tests;

/// <summary>Fresh movements from the samples: each test its own MRN, so nothing depends on another test's data.</summary>
public static class Movements
{
    public static string NewMrn() => Samples.NewMrn();

    /// <summary>The sample message <paramref name="sample"/> rewritten for <paramref name="mrn"/>.</summary>
    public static byte[] Sample(string sample, string mrn) => Samples.ForMovement(sample, mrn);

    /// <summary>The sample declaration released <paramref name="daysAgo"/> days ago with a time limit already past.</summary>
    public static byte[] OverdueDeclaration(string mrn, int daysAgo = 3) => Samples.OverdueDeclaration(mrn, daysAgo);

    /// <summary>
    /// The sample declaration for Niamey instead of Ouagadougou: Lomé → Cinkassé (Burkina Faso, transit only) → Niamey
    /// (Niger, destination), three countries.
    /// </summary>
    public static byte[] ToNiamey(string mrn)
    {
        var text = System.Text.Encoding.UTF8.GetString(Sample("IE015-TransitDeclaration", mrn))
            .Replace("<CustomsOfficeOfDestination>BFOUA001</CustomsOfficeOfDestination>", "<CustomsOfficeOfDestination>NENIA001</CustomsOfficeOfDestination>", StringComparison.Ordinal)
            .Replace("<CountryOfRouting>BF</CountryOfRouting>", "<CountryOfRouting>BF</CountryOfRouting>\n      <CountryOfRouting>NE</CountryOfRouting>", StringComparison.Ordinal);
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    /// <summary>
    /// Waits (bounded) until a Burkinabe node holds both anticipated records, the transit record (IE050) and the arrival
    /// record (IE001). Its status alone does not tell: the transit record already makes it ExpectedAtBorder, and a
    /// border passage posted before the arrival record is in leaves the movement CrossedBorder, not ExpectedAtDestination.
    /// </summary>
    public static Task WaitForBothRecordsAsync(CountryNode node, string mrn, int seconds = 30) =>
        node.WaitForTimelineAsync(mrn, t => t.Any(e => e.MessageType == "IE050") && t.Any(e => e.MessageType == "IE001"), seconds);

    /// <summary>The sample with one office replaced (e.g. arrival at an undeclared office).</summary>
    public static byte[] AtOffice(byte[] message, string declared, string actual) =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(message).Replace(declared, actual, StringComparison.Ordinal));
}
