using System.Text.RegularExpressions;

namespace C2C.Infra.Tests.Workflows;

/// <summary>Offline checks of the GitHub Actions YAML: what GitHub would reject or what would make a run unsafe.</summary>
public sealed partial class WorkflowStructureTests
{
    [Theory]
    [MemberData(nameof(WorkflowFiles.WorkflowData), MemberType = typeof(WorkflowFiles))]
    public void Workflow_has_triggers_and_jobs_whose_steps_use_an_action_or_run_a_command(string path)
    {
        var file = Yaml.Load(path);

        Assert.NotNull(Yaml.Str(file.Root, "name"));
        Assert.NotEmpty(Yaml.Map(Yaml.Get(file.Root, "on"), $"{path} on"));
        var jobs = Yaml.Map(Yaml.Get(file.Root, "jobs"), $"{path} jobs");
        Assert.NotEmpty(jobs);
        foreach (var (name, job) in jobs)
        {
            Assert.NotNull(Yaml.Str(job, "runs-on"));
            Assert.True(int.TryParse(Yaml.Str(job, "timeout-minutes"), out var minutes) && minutes is > 0 and <= 120, $"{path} jobs.{name}: bounded timeout-minutes");
            foreach (var need in Needs(job))
                Assert.True(jobs.ContainsKey(need), $"{path} jobs.{name} needs unknown job {need}");
        }
        AssertStepsWellFormed(file);
    }

    [Fact]
    public void Composite_action_steps_are_well_formed_and_run_steps_name_their_shell()
    {
        var action = Yaml.Load(WorkflowFiles.DeployNodeAction);

        Assert.Equal("composite", Yaml.Str(Yaml.Get(action.Root, "runs"), "using"));
        AssertStepsWellFormed(action);
        foreach (var (_, step) in WorkflowFiles.Steps(action))
            if (step.ContainsKey("run"))
                Assert.Equal("bash", Yaml.Str(step, "shell"));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles.AllData), MemberType = typeof(WorkflowFiles))]
    public void Every_action_is_pinned_to_a_version(string path)
    {
        var file = Yaml.Load(path);

        foreach (var (job, step) in WorkflowFiles.Steps(file))
        {
            if (Yaml.Str(step, "uses") is not { } uses || uses.StartsWith("./", StringComparison.Ordinal))
                continue;
            Assert.Matches(PinnedAction(), uses);
            Assert.False(uses.EndsWith("@main", StringComparison.Ordinal) || uses.EndsWith("@master", StringComparison.Ordinal), $"{path} {job}: {uses}");
        }
    }

    [Fact]
    public void Ci_checks_out_sets_up_dotnet_10_and_runs_the_ci_entry_point()
    {
        var steps = WorkflowFiles.Steps(Yaml.Load(WorkflowFiles.Ci)).Select(s => s.Step).ToList();

        Assert.Contains(steps, s => Yaml.Str(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        var dotnet = Assert.Single(steps, s => Yaml.Str(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.Equal("10.0.x", Yaml.Str(Yaml.Get(dotnet, "with"), "dotnet-version"));
        Assert.Contains(steps, s => Yaml.Str(s, "run")?.Trim() == "bash .ci/run");
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }

    private static void AssertStepsWellFormed(Yaml file)
    {
        var count = 0;
        foreach (var (job, step) in WorkflowFiles.Steps(file))
        {
            count++;
            Assert.True(step.ContainsKey("uses") ^ step.ContainsKey("run"), $"{file.Path} {job}: a step needs exactly one of uses / run");
            Assert.False(string.IsNullOrWhiteSpace(Yaml.Str(step, "uses") ?? Yaml.Str(step, "run")), $"{file.Path} {job}: empty step");
            if (Yaml.Str(step, "uses") is { } uses && uses.StartsWith("./", StringComparison.Ordinal))
                Assert.True(File.Exists(Path.Combine(RepoPaths.Root, uses[2..], "action.yml")), $"{file.Path} {job}: local action {uses} not found");
        }
        Assert.True(count > 0, $"{file.Path} has no steps");
    }

    internal static IEnumerable<string> Needs(object? job) => Yaml.Get(job, "needs") switch
    {
        string one => [one],
        IList<object?> many => many.Cast<string>(),
        _ => [],
    };

    // owner/repo[/path]@vN[.N[.N]] or @<40-hex commit>
    [GeneratedRegex(@"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")]
    private static partial Regex PinnedAction();
}
