namespace C2C.EndToEnd.Tests;

/// <summary>Fresh movements from the samples: each test its own MRN, so nothing depends on another test's data.</summary>
public static class Movements
{
    public static string NewMrn() => Samples.NewMrn();

    /// <summary>The sample message <paramref name="sample"/> rewritten for <paramref name="mrn"/>.</summary>
    public static byte[] Sample(string sample, string mrn) => Samples.ForMovement(sample, mrn);

    /// <summary>The sample declaration released <paramref name="daysAgo"/> days ago with a time limit already past.</summary>
    public static byte[] OverdueDeclaration(string mrn, int daysAgo = 3) => Samples.OverdueDeclaration(mrn, daysAgo);

    /// <summary>The sample with one office replaced (e.g. arrival at an undeclared office).</summary>
    public static byte[] AtOffice(byte[] message, string declared, string actual) =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(message).Replace(declared, actual, StringComparison.Ordinal));
}
