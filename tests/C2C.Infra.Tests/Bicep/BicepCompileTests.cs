using System.Text.Json;

namespace C2C.Infra.Tests.Bicep;

/// <summary>Every template, module and parameter file compiles and passes the linter without a single diagnostic.</summary>
public sealed class BicepCompileTests
{
    [Fact]
    public void There_is_a_parameter_file_for_dev_and_prod_of_each_country()
    {
        var files = BicepFiles.ParameterFiles.Select(Path.GetFileName).ToHashSet();
        foreach (var env in ParameterFile.Environments)
            foreach (var cc in ParameterFile.Countries)
                Assert.Contains($"{env}.{cc}.bicepparam", files);
        Assert.Equal(ParameterFile.Environments.Length * ParameterFile.Countries.Length, files.Count); // a new country is added to the list too
    }

    [Theory]
    [MemberData(nameof(BicepFiles.TemplateData), MemberType = typeof(BicepFiles))]
    public void Template_builds_without_warnings(string file)
    {
        var run = BicepCli.Run("build", file, "--stdout");

        Assert.True(run.ExitCode == 0, $"{file}: {run}");
        Assert.True(string.IsNullOrWhiteSpace(run.StandardError), $"{file}: {run.StandardError}");
        using var arm = JsonDocument.Parse(run.StandardOutput);
        Assert.Contains("deploymentTemplate.json", arm.RootElement.GetProperty("$schema").GetString());
    }

    [Theory]
    [MemberData(nameof(BicepFiles.ParameterFileData), MemberType = typeof(BicepFiles))]
    public void Parameter_file_builds_without_warnings(string file)
    {
        var parameters = ParameterFile.Load(file);

        Assert.True(string.IsNullOrWhiteSpace(parameters.Run.StandardError), $"{file}: {parameters.Run.StandardError}");
        var name = Path.GetFileName(file).Split('.');
        Assert.Equal(name[0], parameters.Str("environmentName"));
        Assert.Equal(name[1].ToUpperInvariant(), parameters.Str("country"));
    }

    /// <summary><c>bicep lint</c> exits 0 on warnings, so the SARIF results are what decide.</summary>
    [Theory]
    [MemberData(nameof(BicepFiles.AllData), MemberType = typeof(BicepFiles))]
    public void File_has_no_lint_findings(string file)
    {
        var run = BicepCli.Run("lint", file, "--diagnostics-format", "sarif");

        Assert.True(run.ExitCode == 0, $"{file}: {run}");
        var findings = LintFindings(run.StandardOutput);
        Assert.True(findings.Count == 0, $"{file}:\n{string.Join('\n', findings)}");
    }

    [Fact]
    public void Lint_check_sees_warnings()
    {
        // Guards the check above: a file with an unused parameter must produce a finding the parser reads.
        var dir = Directory.CreateTempSubdirectory("c2c-lint-");
        try
        {
            var file = Path.Combine(dir.FullName, "probe.bicep");
            File.WriteAllText(file, "param unused string\n");
            var run = BicepCli.Run("lint", file, "--diagnostics-format", "sarif");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(LintFindings(run.StandardOutput), f => f.StartsWith("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<string> LintFindings(string sarif)
    {
        using var doc = JsonDocument.Parse(sarif);
        var findings = new List<string>();
        foreach (var run in doc.RootElement.GetProperty("runs").EnumerateArray())
            if (run.TryGetProperty("results", out var results))
                foreach (var result in results.EnumerateArray())
                    findings.Add($"{result.GetProperty("ruleId").GetString()}: {result.GetProperty("message").GetProperty("text").GetString()}");
        return findings;
    }
}
