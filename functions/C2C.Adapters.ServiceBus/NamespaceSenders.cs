using Amqp;
using C2C.Core.Ports;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Sending on one namespace connection: one session, one cached sender link per topic. A send returns only once
/// Service Bus has accepted the message (unsettled link: the outcome comes back in a disposition); a rejection or a
/// missing topic throws, the failed link (and a dropped connection) is forgotten, and the next send attaches again.
/// </summary>
internal sealed class NamespaceSenders(ServiceBusConnection connection) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SenderLink> _senders = new(StringComparer.Ordinal);
    private Session? _session;

    public async Task SendAsync(string topic, BusMessage message, CancellationToken cancellationToken)
    {
        var sender = await SenderAsync(topic, cancellationToken);
        try
        {
            await sender.SendAsync(ServiceBusMessages.ToAmqp(message), connection.Options.SendTimeout).WaitAsync(cancellationToken);
        }
        catch (AmqpException e)
        {
            await ForgetAsync(topic, sender);
            throw new InvalidOperationException($"{message.MessageId}: Service Bus {connection.Options.FullyQualifiedNamespace} refused it on {topic}: {e.Error?.Condition} {e.Error?.Description}", e);
        }
        catch (TimeoutException)
        {
            await ForgetAsync(topic, sender);
            throw;
        }
    }

    private async Task<SenderLink> SenderAsync(string topic, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_senders.TryGetValue(topic, out var cached) && !cached.IsClosed && _session is { IsClosed: false })
                return cached;
            var amqp = await connection.OpenAsync(cancellationToken);
            if (_session is null || _session.IsClosed)
            {
                _senders.Clear();
                _session = new Session(amqp);
            }
            await connection.AuthorizeAsync(amqp, topic, cancellationToken);
            var sender = new SenderLink(_session, $"c2c-send-{topic}-{Guid.NewGuid():N}", topic);
            _senders[topic] = sender;
            return sender;
        }
        catch (AmqpException e) when (_session is { } session)
        {
            await connection.ResetAsync(session.Connection);
            throw new InvalidOperationException($"cannot reach {topic} on {connection.Options.FullyQualifiedNamespace}: {e.Error?.Condition} {e.Error?.Description}", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ForgetAsync(string topic, SenderLink failed)
    {
        await _gate.WaitAsync();
        try
        {
            if (_senders.TryGetValue(topic, out var cached) && ReferenceEquals(cached, failed))
                _senders.Remove(topic);
            if (_session is { IsClosed: true } || failed.Session.Connection.IsClosed)
            {
                await connection.ResetAsync(failed.Session.Connection);
                _session = null;
            }
        }
        finally
        {
            _gate.Release();
        }
        await ServiceBusConnection.CloseQuietlyAsync(failed);
    }

    public async ValueTask DisposeAsync()
    {
        await ServiceBusConnection.CloseQuietlyAsync(_session);
        await connection.DisposeAsync();
        _gate.Dispose();
    }
}
