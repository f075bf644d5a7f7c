using C2C.Core.Exchange;

namespace C2C.Node.Hosting.Standalone;

/// <summary>Standalone hosting: the outbox relay and the deadline sweep on their own timers.</summary>
public sealed class PeriodicWork(OutboxRelay relay, DeadlineSweeper sweeper, IConfiguration configuration, ILogger<PeriodicWork> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        Every(TimeSpan.FromSeconds(configuration.GetValue("C2C:OutboxRelaySeconds", 5.0)), "outbox relay", relay.RunOnceAsync, stoppingToken),
        Every(TimeSpan.FromSeconds(configuration.GetValue("C2C:DeadlineSweepSeconds", 30.0)), "deadline sweep", sweeper.RunOnceAsync, stoppingToken));

    private async Task Every(TimeSpan period, string name, Func<CancellationToken, Task<int>> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                var count = await work(stoppingToken);
                if (count > 0)
                    log.LogInformation("{Work}: {Count} item(s)", name, count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage or broker briefly away: the next tick tries again; nothing is lost, it is all still pending.
                log.LogWarning(e, "{Work} failed; retrying at the next tick", name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
