using System.Diagnostics;
using System.Globalization;

namespace C2C.Bench;

/// <summary>
/// Watches the storage emulator during a run for the time it served nothing while busy: Azurite's queue garbage
/// collection deletes the extents of deleted messages one by one on its single thread (a pass took 60 s for 7,924
/// extents here, in its debug log), and under the durable engine's queue traffic such a pass stops every request for
/// tens of seconds. A storage account has no such pause; the bench reports it beside each rate.
/// </summary>
public sealed class EmulatorWatch : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<TimeSpan> _watching;

    private EmulatorWatch(int pid, string accessLog) => _watching = WatchAsync(pid, accessLog, _stop.Token);

    /// <summary>Null when the emulator's pid file or access log is not there (a stack started otherwise).</summary>
    public static EmulatorWatch? Start()
    {
        var dir = Environment.GetEnvironmentVariable("C2C_STACK_DIR") ?? "";
        var (pidFile, accessLog) = (Path.Combine(dir, "azurite.pid"), Path.Combine(dir, "azurite.log"));
        return File.Exists(pidFile) && File.Exists(accessLog) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid)
            ? new EmulatorWatch(pid, accessLog) : null;
    }

    /// <summary>Stops watching; the time the emulator was at least 80 % busy on its thread and logged no request.</summary>
    public async Task<TimeSpan> FrozenAsync()
    {
        await _stop.CancelAsync();
        return await _watching;
    }

    private static async Task<TimeSpan> WatchAsync(int pid, string accessLog, CancellationToken stop)
    {
        var frozen = TimeSpan.Zero;
        var (cpu, logged, clock) = (Stats.CpuSeconds(pid), new FileInfo(accessLog).Length, Stopwatch.StartNew());
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var (nowCpu, nowLogged, elapsed) = (Stats.CpuSeconds(pid), new FileInfo(accessLog).Length, clock.Elapsed);
            clock.Restart();
            if (nowLogged == logged && nowCpu - cpu >= 0.8 * elapsed.TotalSeconds)
                frozen += elapsed;
            (cpu, logged) = (nowCpu, nowLogged);
        }
        return frozen;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _watching;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the emulator went away: nothing to report
        }
        _stop.Dispose();
    }
}
