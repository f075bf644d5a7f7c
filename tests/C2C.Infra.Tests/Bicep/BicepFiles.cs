namespace C2C.Infra.Tests.Bicep;

/// <summary>The Bicep sources under infra-bicep/, as xunit theory data (paths relative to the repository root).</summary>
public static class BicepFiles
{
    public static IEnumerable<string> Templates =>
        Directory.EnumerateFiles(RepoPaths.InfraBicep, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(RepoPaths.Relative);

    public static IEnumerable<string> ParameterFiles =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.InfraBicep, "params"), "*.bicepparam").Order(StringComparer.Ordinal).Select(RepoPaths.Relative);

    public static TheoryData<string> TemplateData => new(Templates);

    public static TheoryData<string> ParameterFileData => new(ParameterFiles);

    public static TheoryData<string> AllData => new(Templates.Concat(ParameterFiles));
}
