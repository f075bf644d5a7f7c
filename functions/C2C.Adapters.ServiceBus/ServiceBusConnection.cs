using Amqp;
using Amqp.Sasl;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// The node's AMQP connection to its namespace, opened on demand and opened again after it dropped. With SAS the
/// key authenticates the connection (SASL PLAIN); with Entra ID the connection is anonymous and each entity gets a
/// token through the $cbs node before a link is attached to it (<see cref="AuthorizeAsync"/>).
/// </summary>
public sealed class ServiceBusConnection(ServiceBusOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CbsTokens _tokens = new(options);
    private Connection? _connection;

    public ServiceBusOptions Options => options;

    public async Task<Connection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsClosed: false } open)
            return open;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsClosed: false } raced)
                return raced;
            var factory = new ConnectionFactory();
            var scheme = options.UseTls ? "amqps" : "amqp";
            Address address;
            if (options.UsesSas)
            {
                address = new Address(options.FullyQualifiedNamespace, options.Port, options.SasKeyName, options.SasKey, "/", scheme);
            }
            else
            {
                factory.SASL.Profile = SaslProfile.Anonymous;
                address = new Address(options.FullyQualifiedNamespace, options.Port, null, null, "/", scheme);
            }
            _connection = await factory.CreateAsync(address, cancellationToken, null);
            _tokens.Forget(); // tokens belong to a connection
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Entra ID: puts (or renews, before it expires) the token for <paramref name="entityPath"/>; nothing to do with SAS.</summary>
    public Task AuthorizeAsync(Connection connection, string entityPath, CancellationToken cancellationToken) =>
        options.UsesSas ? Task.CompletedTask : _tokens.EnsureAsync(connection, entityPath, cancellationToken);

    /// <summary>Drops a connection that failed, so the next call opens a new one.</summary>
    public async Task ResetAsync(Connection failed)
    {
        await _gate.WaitAsync();
        try
        {
            if (ReferenceEquals(_connection, failed))
                _connection = null;
        }
        finally
        {
            _gate.Release();
        }
        await CloseQuietlyAsync(failed);
    }

    public async ValueTask DisposeAsync()
    {
        await CloseQuietlyAsync(_connection);
        _gate.Dispose();
    }

    /// <summary>Closing what the peer already closed may throw; there is nothing left to release then.</summary>
    public static async Task CloseQuietlyAsync(AmqpObject? amqpObject)
    {
        try
        {
            if (amqpObject is { IsClosed: false })
                await amqpObject.CloseAsync(TimeSpan.FromSeconds(5), null);
        }
        catch (Exception e) when (e is AmqpException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            // already closed by the peer or the network
        }
    }
}
