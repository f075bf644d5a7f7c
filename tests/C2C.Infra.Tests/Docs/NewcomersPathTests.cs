using System.Text.RegularExpressions;

namespace C2C.Infra.Tests.Docs;

/// <summary>
/// docs/architecture.md's newcomer's path matches the folders one to one: every project and every folder of the core
/// is named there, and every folder it names exists. A folder added or renamed without the path fails here.
/// </summary>
public sealed class NewcomersPathTests
{
    private static readonly string Journey = Section(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md")));

    [Fact]
    public void Every_project_and_core_folder_is_on_the_path()
    {
        var functions = Path.Combine(RepoPaths.Root, "functions");
        var projects = Directory.GetDirectories(functions).Select(Path.GetFileName).Where(n => n!.StartsWith("C2C.", StringComparison.Ordinal)).ToList();
        var core = Directory.GetDirectories(Path.Combine(functions, "C2C.Core")).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj")).ToList();
        Assert.NotEmpty(core);
        var missing = projects.Where(p => p != "C2C.Core" && !Journey.Contains(p!, StringComparison.Ordinal))
            .Concat(core.Where(f => !Journey.Contains($"Core/{f}/", StringComparison.Ordinal)).Select(f => $"Core/{f}/")).ToList();
        Assert.True(missing.Count == 0, $"the newcomer's path in docs/architecture.md does not name: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_folder_the_path_names_exists()
    {
        var named = Regex.Matches(Journey, @"`(functions/[\w./]+/|Core/\w+/)").Select(m => m.Groups[1].Value)
            .Select(p => p.StartsWith("Core/", StringComparison.Ordinal) ? "functions/C2C." + p : p).Distinct().ToList();
        Assert.NotEmpty(named);
        var absent = named.Where(p => !Directory.Exists(Path.Combine(RepoPaths.Root, p))).ToList();
        Assert.True(absent.Count == 0, $"the newcomer's path names folders that do not exist: {string.Join(", ", absent)}");
    }

    private static string Section(string architecture)
    {
        var start = architecture.IndexOf("### A newcomer's path", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/architecture.md has no \"### A newcomer's path\" section");
        var end = architecture.IndexOf("\n## ", start, StringComparison.Ordinal);
        return architecture[start..(end < 0 ? architecture.Length : end)];
    }
}
