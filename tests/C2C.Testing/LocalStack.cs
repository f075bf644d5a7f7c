using System.Diagnostics;

namespace C2C.Testing;

/// <summary>
/// The real local stack (Azurite + RabbitMQ) for integration and end-to-end tests, driven by scripts/stack.
/// If the test command already started it (C2C_STORAGE_CONNECTION_STRING set), it is reused and left running;
/// otherwise this fixture starts its own on the configured ports and stops it on dispose.
/// </summary>
public sealed class LocalStack : IDisposable
{
    private static readonly string[] PortVariables =
    [
        "C2C_STACK_DIR", "C2C_AZURITE_BLOB_PORT", "C2C_AZURITE_QUEUE_PORT", "C2C_AZURITE_TABLE_PORT",
        "C2C_RABBIT_PORT", "C2C_RABBIT_DIST_PORT", "C2C_EPMD_PORT", "C2C_RABBIT_MGMT_PORT",
    ];

    private readonly bool _ownsStack;
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);

    public LocalStack()
    {
        _ownsStack = Environment.GetEnvironmentVariable("C2C_STORAGE_CONNECTION_STRING") is null;
        if (_ownsStack)
            RunScript("start.sh", "all");
        LoadSettings();
    }

    /// <summary>Azurite connection string (blobs, queues, tables on 127.0.0.1).</summary>
    public string StorageConnectionString => _settings["C2C_STORAGE_CONNECTION_STRING"];

    /// <summary>AMQP 0-9-1 URI of the local RabbitMQ.</summary>
    public Uri RabbitMqUri => new(_settings["C2C_RABBITMQ_URI"]);

    public int RabbitManagementPort => int.Parse(_settings["C2C_RABBIT_MGMT_PORT"]);

    /// <summary>Every setting of the stack, to hand to child processes (country nodes in end-to-end tests).</summary>
    public IReadOnlyDictionary<string, string> Settings => _settings;

    /// <summary>Stops and starts the broker (fault tests). Bounded by the scripts' own time limits.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Restarts this stack; the scripts find it through the process environment.")]
    public void RestartRabbitMq()
    {
        RunScript("stop.sh", "rabbitmq");
        RunScript("start.sh", "rabbitmq");
    }

    /// <summary>Stops and starts Azurite; its data folder is kept, as a real storage account would be.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Restarts this stack; the scripts find it through the process environment.")]
    public void RestartAzurite()
    {
        RunScript("stop.sh", "azurite");
        RunScript("start.sh", "azurite");
    }

    public void Dispose()
    {
        if (_ownsStack)
            RunScript("stop.sh", "all");
    }

    private void LoadSettings()
    {
        var stackDir = Environment.GetEnvironmentVariable("C2C_STACK_DIR") ?? Path.Combine(RepoPaths.Root, ".stack");
        var envFile = Path.Combine(stackDir, "env");
        // The env file is the single source of the stack's addresses (written by start.sh).
        foreach (var line in File.ReadAllLines(envFile))
        {
            foreach (var assignment in line.StartsWith("export ", StringComparison.Ordinal) ? line[7..].Split(' ') : [])
            {
                var eq = assignment.IndexOf('=');
                if (eq > 0)
                    _settings[assignment[..eq]] = assignment[(eq + 1)..].Trim('\'');
            }
        }
    }

    private static void RunScript(string script, string component)
    {
        var psi = new ProcessStartInfo("bash", [RepoPaths.Script("stack", script), component])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in PortVariables)
        {
            var value = Environment.GetEnvironmentVariable(name);
            if (value is not null)
                psi.Environment[name] = value;
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot run {script}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {component} did not finish in 5 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {component} failed ({process.ExitCode}): {stdout.Result}{stderr.Result}");
    }
}
