namespace C2C.Infra.Tests.Workflows;

/// <summary>
/// action-validator (npm @action-validator/cli, installed pinned by scripts/setup.sh into .tools/): validates a
/// workflow or a composite action against the SchemaStore JSON schemas it bundles, offline. It picks the schema by
/// file name: action.yml / action.yaml is an action, anything else a workflow.
/// </summary>
public static class ActionValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static string Path
    {
        get
        {
            var tools = Environment.GetEnvironmentVariable("C2C_TOOLS_DIR") is { Length: > 0 } configured ? configured : System.IO.Path.Combine(RepoPaths.Root, ".tools");
            var binary = System.IO.Path.Combine(tools, "action-validator", "node_modules", ".bin", "action-validator");
            return File.Exists(binary) ? binary : throw new FileNotFoundException($"action-validator not found at {binary}: run scripts/setup.sh", binary);
        }
    }

    /// <returns>The exit code (0: valid) and the JSON error report it prints on standard error.</returns>
    public static (int ExitCode, string Errors) Validate(string file)
    {
        var run = ToolProcess.Run(Path, [file], Timeout);
        return (run.ExitCode, run.StandardError + run.StandardOutput);
    }
}
