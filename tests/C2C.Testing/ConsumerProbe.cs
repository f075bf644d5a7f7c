using System.Threading.Channels;
using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Testing;

/// <summary>
/// Runs a broker adapter's consumer with a handler the test scripts, and records each delivery with the outcome
/// given. A body of exactly "&lt;throw/&gt;" makes the first delivery fail (an infrastructure hiccup in the handler).
/// </summary>
public sealed class ConsumerProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));
    private readonly Channel<(BusDelivery Delivery, DeliveryOutcome Outcome)> _seen = Channel.CreateUnbounded<(BusDelivery, DeliveryOutcome)>();
    private readonly Task _run;

    public ConsumerProbe(IMessageConsumer consumer, string country, MessageFamily family, Func<BusDelivery, DeliveryOutcome> decide)
    {
        _run = Task.Run(() => consumer.RunAsync(country, family, (delivery, _) =>
        {
            var outcome = delivery.Message.Body.Span.SequenceEqual("<throw/>"u8) && delivery.DeliveryCount == 1 ? throw new IOException("storage hiccup") : decide(delivery);
            _seen.Writer.TryWrite((delivery, outcome));
            return Task.FromResult(outcome);
        }, _stop.Token));
    }

    /// <summary>The next delivery handled, or a TimeoutException after a bounded wait.</summary>
    public async Task<(BusDelivery Delivery, DeliveryOutcome Outcome)> NextAsync(int seconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _seen.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"nothing received within {seconds} s");
        }
    }

    public bool TryNext(out (BusDelivery Delivery, DeliveryOutcome Outcome) item) => _seen.Reader.TryRead(out item);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
