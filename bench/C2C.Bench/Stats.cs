using System.Globalization;

namespace C2C.Bench;

/// <summary>Percentiles and the resource use of a process, read from /proc (Linux).</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>CPU seconds (user + system) the process has used so far.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0; // clock ticks (USER_HZ = 100)
    }

    /// <summary>CPU seconds the storage emulator (Azurite, one Node.js process) has used so far; NaN if its pid file is not there.</summary>
    public static double EmulatorCpuSeconds()
    {
        var pidFile = Path.Combine(Environment.GetEnvironmentVariable("C2C_STACK_DIR") ?? "", "azurite.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid) && File.Exists($"/proc/{pid}/stat")
            ? CpuSeconds(pid) : double.NaN;
    }

    /// <summary>Peak resident memory (VmHWM) in MiB.</summary>
    public static double PeakMemoryMiB(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0).FirstOrDefault();

    /// <summary>Runs <paramref name="work"/> over items with bounded concurrency; returns each item's latency in ms and the wall time.</summary>
    public static async Task<(List<double> LatenciesMs, TimeSpan Wall)> RunConcurrentlyAsync<T>(IReadOnlyList<T> items, int concurrency, Func<T, Task> work)
    {
        var latencies = new double[items.Count];
        var next = -1;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await work(items[i]);
                latencies[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        wall.Stop();
        return (latencies.Order().ToList(), wall.Elapsed);
    }
}
