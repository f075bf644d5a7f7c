namespace C2C.Testing;

/// <summary>Locates the repository from a test's output folder, so tests can use scripts/ and schemas/.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Samples => Path.Combine(Root, "schemas", "samples");

    public static string Script(params string[] parts) => Path.Combine([Root, "scripts", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Serverless.sln not found above {AppContext.BaseDirectory}");
    }
}
