using System.Diagnostics;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>
/// The engine node (C2C.Orchestration.TestNode) as a child process, so a test can kill it the hard way (SIGKILL:
/// nothing flushed, no shutdown) and start it again on the same task hub and storage.
/// </summary>
internal sealed class EngineNodeProcess(IReadOnlyDictionary<string, string?> settings) : IDisposable
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "C2C.Orchestration.TestNode.dll");

    private readonly List<string> _output = [];
    private Process? _process;

    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output.TakeLast(60));
        }
    }

    public async Task StartAsync(TimeSpan readyWithin)
    {
        var psi = new ProcessStartInfo("dotnet", [Assembly]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in settings)
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the engine node");
        _process = process;
        void Line(string? line)
        {
            if (line is null)
                return;
            lock (_output)
                _output.Add(line);
            if (line.Contains("engine node ready", StringComparison.Ordinal))
                ready.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(readyWithin)) != ready.Task)
            throw new TimeoutException($"engine node not ready within {readyWithin}:\n{Output}");
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Linux), then waits until it is gone.</summary>
    public void KillHard()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
        _process = null;
    }

    public void Dispose() => KillHard();
}
