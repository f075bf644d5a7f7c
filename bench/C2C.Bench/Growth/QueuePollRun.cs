using Azure.Storage.Queues;

namespace C2C.Bench.Growth;

/// <summary>
/// The task hub's cost that grows with the movements in flight: every running departure movement keeps a durable timer,
/// a control-queue message invisible until it is due (days). Measured: the poll of an empty queue (what the engine does
/// many times a second) with that many invisible messages elsewhere in the account.
/// </summary>
public static class QueuePollRun
{
    public sealed record Point(int Invisible, double PollMedianMs);

    public static async Task<IReadOnlyList<Point>> MeasureAsync(string connectionString, IReadOnlyList<int> invisibleCounts)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var service = new QueueServiceClient(connectionString);
        var (polled, timers) = (service.GetQueueClient($"poll{run}"), service.GetQueueClient($"timers{run}"));
        await polled.CreateAsync();
        await timers.CreateAsync();
        try
        {
            var points = new List<Point>();
            var have = 0;
            foreach (var count in invisibleCounts.Order())
            {
                await Stats.RunConcurrentlyAsync(Enumerable.Range(have, count - have).ToList(), 16,
                    i => timers.SendMessageAsync($"timer {i}", visibilityTimeout: TimeSpan.FromDays(3)));
                have = count;
                var (polls, _) = await Stats.RunConcurrentlyAsync(Enumerable.Range(0, 50).ToList(), 1, _ => polled.ReceiveMessagesAsync(32));
                points.Add(new Point(count, Stats.Percentile(polls, 50)));
            }
            return points;
        }
        finally
        {
            await polled.DeleteAsync();
            await timers.DeleteAsync();
        }
    }
}
