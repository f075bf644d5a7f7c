using System.Text.RegularExpressions;

namespace C2C.Infra.Tests.Workflows;

/// <summary>
/// What the schema check (<see cref="WorkflowSchemaTests"/>) cannot see: references between jobs and to local
/// actions, bounded run times, pinned actions.
/// </summary>
public sealed partial class WorkflowStructureTests
{
    [Theory]
    [MemberData(nameof(WorkflowFiles.WorkflowData), MemberType = typeof(WorkflowFiles))]
    public void Jobs_have_a_bounded_timeout_and_need_only_jobs_that_exist(string path)
    {
        var jobs = Yaml.Map(Yaml.Get(Yaml.Load(path).Root, "jobs"), $"{path} jobs");

        Assert.NotEmpty(jobs);
        foreach (var (name, job) in jobs)
        {
            Assert.True(int.TryParse(Yaml.Str(job, "timeout-minutes"), out var minutes) && minutes is > 0 and <= 120, $"{path} jobs.{name}: bounded timeout-minutes");
            foreach (var need in Needs(job))
                Assert.True(jobs.ContainsKey(need), $"{path} jobs.{name} needs unknown job {need}");
        }
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles.AllData), MemberType = typeof(WorkflowFiles))]
    public void Local_actions_exist(string path)
    {
        foreach (var (job, step) in WorkflowFiles.Steps(Yaml.Load(path)))
            if (Yaml.Str(step, "uses") is { } uses && uses.StartsWith("./", StringComparison.Ordinal))
                Assert.True(File.Exists(Path.Combine(RepoPaths.Root, uses[2..], "action.yml")), $"{path} {job}: local action {uses} not found");
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
