using System.Text;

namespace C2C.Core.Tests;

/// <summary>The sample messages of schemas/samples, copied next to the test assembly.</summary>
internal static class Samples
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "schemas", "samples");

    public static IEnumerable<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.xml").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".xml"));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public const string Mrn = "26TGLOM000000142J4";
}
