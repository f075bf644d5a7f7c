using RabbitMQ.Client;

namespace C2C.Adapters.RabbitMq;

/// <summary>
/// Opens connections. The client's automatic recovery is off: the publisher and the consumers reconnect
/// themselves, so a broken connection is always visible to the code that must retry (nothing half-recovered).
/// </summary>
public sealed class RabbitMqConnections(RabbitMqOptions options)
{
    public RabbitMqOptions Options => options;

    public Task<IConnection> OpenAsync(string purpose, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = options.Uri,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedHeartbeat = TimeSpan.FromSeconds(15),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            ClientProvidedName = $"{options.ConnectionName}/{purpose}",
        };
        return factory.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>A channel whose publishes complete only when the broker confirms (or throw when it returns or nacks).</summary>
    public static Task<IChannel> ConfirmingChannelAsync(IConnection connection, CancellationToken cancellationToken, ushort dispatchConcurrency = 1) =>
        connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
            consumerDispatchConcurrency: dispatchConcurrency), cancellationToken);

    /// <summary>Closing an already broken channel or connection may throw; there is nothing left to release then.</summary>
    public static async Task CloseQuietlyAsync(IAsyncDisposable? disposable)
    {
        try
        {
            if (disposable is not null)
                await disposable.DisposeAsync();
        }
        catch (Exception)
        {
            // already closed by the broker or the network
        }
    }
}
