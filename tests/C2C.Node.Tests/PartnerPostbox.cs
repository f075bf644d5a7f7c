using System.Collections.Concurrent;
using C2C.Core.Ports;

namespace C2C.Node.Tests;

/// <summary>
/// What an in-process node without a broker (C2C:Messaging:Provider None) publishes to its partners, kept for the test
/// to look at (trace context, NACKs). It stands in for the node's <c>NoBroker</c> only; a node with a broker keeps it.
/// </summary>
public sealed class PartnerPostbox : IMessagePublisher
{
    private readonly ConcurrentQueue<BusMessage> _sent = new();

    public IReadOnlyList<BusMessage> Sent => _sent.ToArray();

    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The messages published so far that match, once there are at least <paramref name="count"/> (bounded wait: the movement publishes after it answered).</summary>
    public async Task<IReadOnlyList<BusMessage>> WaitForAsync(Func<BusMessage, bool> match, int count = 1, int seconds = 30)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); ; await Task.Delay(50))
        {
            var found = Sent.Where(match).ToList();
            if (found.Count >= count)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{found.Count} of {count} expected message(s) published in {seconds} s; published: [{string.Join(", ", Sent.Select(m => $"{m.MessageType} to {m.DestinationCountry}"))}]");
        }
    }
}
