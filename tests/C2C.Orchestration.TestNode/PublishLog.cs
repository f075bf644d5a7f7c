using C2C.Core.Ports;

namespace C2C.Orchestration.TestNode;

/// <summary>
/// The partners' topics as a file: one line per confirmed publish (message id, type, destination), appended and
/// flushed before the publish returns, so a killed node's publishes are all there to count.
/// </summary>
public sealed class PublishLog(string path) : IMessagePublisher
{
    private readonly Lock _lock = new();

    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        lock (_lock)
            File.AppendAllText(path, $"{message.MessageId}\t{message.MessageType}\t{message.DestinationCountry}\n");
        return Task.CompletedTask;
    }

    public static IReadOnlyList<(string MessageId, string MessageType, string Destination)> Read(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => (p[0], p[1], p[2])).ToList()
            : [];
}
