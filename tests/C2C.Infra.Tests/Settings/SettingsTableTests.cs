using C2C.Infra.Tests.Bicep;

namespace C2C.Infra.Tests.Settings;

/// <summary>
/// One place for every default: the options classes' initializers. The README's settings table agrees with them
/// (key and default, row by row); no code reads a setting with a fallback of its own; no deployment setting restates a
/// default. How this is checked, and how to check by hand: docs/configuration.md.
/// </summary>
public sealed class SettingsTableTests
{
    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void The_readme_settings_table_has_every_setting_with_its_default_and_nothing_else()
    {
        var problems = SettingsTable.Problems(Readme);
        Assert.True(problems.Count == 0, "The README's settings table disagrees with the options classes:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void A_missing_row_a_wrong_default_and_an_extra_row_are_each_named()
    {
        var readme = Readme;
        var prefetch = SettingsTable.FromReadme(readme).Single(r => r.Key == "C2C:Messaging:RabbitMq:Prefetch");
        var lines = readme.Split('\n').ToList();
        lines[prefetch.Line - 1] = lines[prefetch.Line - 1].Replace("`64`", "`16`", StringComparison.Ordinal);
        lines.RemoveAll(l => l.StartsWith("| `C2C:Engine:PartitionCount`", StringComparison.Ordinal));
        lines.Insert(prefetch.Line, "| `C2C:Messaging:RabbitMq:Prefech` | `64` | a typo |");

        var problems = SettingsTable.Problems(string.Join('\n', lines));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains($"line {prefetch.Line}: `C2C:Messaging:RabbitMq:Prefetch` has default `16`, RabbitMqOptions.Prefetch has `64`", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("missing row | `C2C:Engine:PartitionCount` | `1` |", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("`C2C:Messaging:RabbitMq:Prefech` is no setting", StringComparison.Ordinal));
    }

    [Fact]
    public void The_options_classes_are_where_the_defaults_are()
    {
        var settings = SettingsTable.FromOptions().ToDictionary(s => s.Key, s => s.Default);
        // The figures composition code used to write beside the adapters' own.
        Assert.Equal("64", settings["C2C:Messaging:RabbitMq:Prefetch"]);
        Assert.Equal("10", settings["C2C:Messaging:RabbitMq:DeliveryLimit"]);
        Assert.Equal("32", settings["C2C:Messaging:ServiceBus:PrefetchCount"]);
        Assert.Equal("5671", settings["C2C:Messaging:ServiceBus:Port"]);
        Assert.Equal("256", settings["C2C:Messaging:ServiceBus:Destinations:{CC}:MaxMessageKilobytes"]);
        Assert.Equal("600", settings["C2C:RateLimits:PermitsPerMinute"]);
        Assert.DoesNotContain("C2C:Storage:Credential", settings.Keys);
    }

    [Fact]
    public void No_code_reads_a_setting_with_a_fallback_of_its_own()
    {
        var functions = Path.Combine(RepoPaths.Root, "functions");
        var found = Directory.EnumerateFiles(functions, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => SettingsTable.GetValueWithFallback().IsMatch(l.Text))
            .Select(l => $"{RepoPaths.Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Defaults belong in the options classes; bind the section instead of GetValue(key, fallback):\n" + string.Join('\n', found));
    }

    public static TheoryData<string> ParameterFiles => BicepFiles.ParameterFileData;

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void No_deployment_setting_restates_a_default(string parameterFile)
    {
        var defaults = SettingsTable.FromOptions().ToDictionary(s => s.Key, s => s.Default, StringComparer.OrdinalIgnoreCase);
        var restated = NodeSettingsTests.LiteralSettings(ParameterFile.Load(parameterFile))
            .Select(s => (Key: s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value))
            .Where(s => defaults.TryGetValue(s.Key, out var d) && string.Equals(d, s.Value, StringComparison.OrdinalIgnoreCase))
            .Select(s => $"{s.Key} = {s.Value}")
            .ToList();
        Assert.True(restated.Count == 0, $"{parameterFile}: app settings equal to the node's default (leave them out, or say in a comment why this environment pins them):\n{string.Join('\n', restated)}");
    }
}
