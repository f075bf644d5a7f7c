using C2C.Core.Ports;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace C2C.Adapters.RabbitMq;

/// <summary>
/// Publishes to the destination country's exchange with publisher confirms and the mandatory flag: the call
/// returns only once the broker has the message in a queue. Any failure throws, and the caller's outbox row
/// stays for the relay: an unroutable message (the partner has not declared its subscriptions) is not lost.
/// </summary>
public sealed class RabbitMqPublisher(RabbitMqConnections connections) : IMessagePublisher, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    public async Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connections.Options.PublishTimeout);
        var channel = await ChannelAsync(timeout.Token);
        try
        {
            await channel.BasicPublishAsync(RabbitMqNames.Exchange(message.DestinationCountry), RabbitMqNames.RoutingKey(message.Family, message.MessageType),
                mandatory: true, RabbitMqProperties.From(message), message.Body, timeout.Token);
        }
        catch (PublishException e) when (e.IsReturn)
        {
            throw new InvalidOperationException($"{message.MessageId}: no {message.Family} subscription on {RabbitMqNames.Exchange(message.DestinationCountry)} yet (returned unroutable)", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            await ResetAsync(channel);
            throw new TimeoutException($"{message.MessageId}: no broker confirm within {connections.Options.PublishTimeout}", e);
        }
        catch (Exception) when (!channel.IsOpen)
        {
            // Channel-level errors (e.g. the partner's exchange does not exist) close the channel: open a new one next time.
            await ResetAsync(channel);
            throw;
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
            return open;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } raced)
                return raced;
            if (_connection is not { IsOpen: true })
            {
                await RabbitMqConnections.CloseQuietlyAsync(_connection);
                _connection = await connections.OpenAsync("publish", cancellationToken);
            }
            await RabbitMqConnections.CloseQuietlyAsync(_channel);
            _channel = await RabbitMqConnections.ConfirmingChannelAsync(_connection, cancellationToken);
            return _channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ResetAsync(IChannel failed)
    {
        await _gate.WaitAsync();
        try
        {
            if (ReferenceEquals(_channel, failed))
            {
                _channel = null;
                await RabbitMqConnections.CloseQuietlyAsync(failed);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RabbitMqConnections.CloseQuietlyAsync(_channel);
        await RabbitMqConnections.CloseQuietlyAsync(_connection);
        _gate.Dispose();
    }
}
