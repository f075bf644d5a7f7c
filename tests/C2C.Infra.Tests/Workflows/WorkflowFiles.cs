namespace C2C.Infra.Tests.Workflows;

/// <summary>The GitHub Actions definitions: workflows and the local composite actions they use.</summary>
public static class WorkflowFiles
{
    public const string Ci = ".github/workflows/ci.yml";
    public const string Deploy = ".github/workflows/deploy.yml";
    public const string DeployNodeAction = ".github/actions/deploy-node/action.yml";

    public static TheoryData<string> WorkflowData => new(
        Directory.EnumerateFiles(RepoPaths.Workflows, "*.yml").Order(StringComparer.Ordinal).Select(RepoPaths.Relative));

    public static TheoryData<string> AllData => new(
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, ".github"), "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(RepoPaths.Relative));

    /// <summary>Every step of every job of a workflow, or of a composite action.</summary>
    public static IEnumerable<(string Job, IDictionary<object, object?> Step)> Steps(Yaml file)
    {
        if (Yaml.Get(file.Root, "runs") is { } runs)
        {
            foreach (var step in Yaml.Seq(Yaml.Get(runs, "steps"), $"{file.Path} runs.steps"))
                yield return ("runs", Yaml.Map(step, $"{file.Path} step"));
            yield break;
        }
        foreach (var (job, body) in Yaml.Map(Yaml.Get(file.Root, "jobs"), $"{file.Path} jobs"))
            foreach (var step in Yaml.Seq(Yaml.Get(body, "steps"), $"{file.Path} jobs.{job}.steps"))
                yield return ((string)job, Yaml.Map(step, $"{file.Path} jobs.{job} step"));
    }
}
