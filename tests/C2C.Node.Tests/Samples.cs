using C2C.Testing;

namespace C2C.Node.Tests;

internal static class Samples
{
    public const string Mrn = "26TGLOM000000142J4";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Samples, name + ".xml"));

    public static string Text(string name) => File.ReadAllText(Path.Combine(RepoPaths.Samples, name + ".xml"));
}
