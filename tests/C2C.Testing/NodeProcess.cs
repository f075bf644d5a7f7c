using System.Diagnostics;
using System.Net.Sockets;

namespace C2C.Testing;

/// <summary>
/// One country node (functions/C2C.Node) running as a real child process on 127.0.0.1, configured through
/// environment variables. Used by end-to-end and fault tests: it can be killed hard (kill -9) and started again.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _logPath;
    private readonly string[] _extraUrls;
    private Process? _process;

    /// <param name="extraUrls">More Kestrel endpoints besides the plain HTTP one (e.g. an https:// endpoint for mutual TLS).</param>
    public NodeProcess(string country, int port, IReadOnlyDictionary<string, string> environment, string logDirectory, IReadOnlyList<string>? extraUrls = null)
    {
        Country = country;
        Port = port;
        _extraUrls = [.. extraUrls ?? []];
        _environment = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        Directory.CreateDirectory(logDirectory);
        _logPath = Path.Combine(logDirectory, $"node-{country.ToLowerInvariant()}-{port}.log");
    }

    public string Country { get; }

    /// <summary>Changes a setting (an environment variable, "__" separators) for the next start, as an operator editing the app's settings would.</summary>
    public void SetEnvironment(string key, string value) => _environment[key] = value;

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>The node's console output so far (for failure messages).</summary>
    public string Log => File.Exists(_logPath) ? File.ReadAllText(_logPath) : "";

    /// <summary>Path of the built node assembly (the solution build puts it under functions/C2C.Node/bin).</summary>
    public static string NodeAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var path = Path.Combine(RepoPaths.Root, "functions", "C2C.Node", "bin", configuration, "net10.0", "C2C.Node.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first", path);
        }
    }

    public async Task StartAsync(TimeSpan readyWithin)
    {
        if (Pid is not null)
            throw new InvalidOperationException($"node {Country} already running");
        var psi = new ProcessStartInfo("dotnet", [NodeAssembly, "--urls", string.Join(';', [BaseAddress.ToString().TrimEnd('/'), .. _extraUrls])])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(NodeAssembly)!,
        };
        foreach (var (key, value) in _environment)
            psi.Environment[key] = value;
        psi.Environment["DOTNET_ENVIRONMENT"] = "Development";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start node");
        _process = process;
        var log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        var closed = false;
        // Output can still arrive after Exited: a write to the closed log would crash the test host.
        void Write(string? line)
        {
            lock (log)
            {
                if (line is not null && !closed)
                    log.WriteLine(line);
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => { lock (log) { closed = true; log.Dispose(); } };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(readyWithin);
    }

    /// <summary>Ends the process at once, as a crash would (SIGKILL): no graceful shutdown, no flushing.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
        _process = null;
    }

    public void Dispose() => Kill();

    /// <summary>
    /// Bounded poll of /health/ready: the node is up, can sign, reaches its storage and, with a broker, consumes every
    /// one of its subscriptions. A test that sends before then could find no subscription to route to.
    /// </summary>
    private async Task WaitUntilHealthyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process is null || _process.HasExited)
                throw new InvalidOperationException($"node {Country} exited during start-up:\n{Log}");
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                    return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"node {Country} not ready within {within} (last: {last}):\n{Log}");
    }
}
