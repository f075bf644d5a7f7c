using System.Collections.Concurrent;
using Amqp;
using Amqp.Framing;
using Azure.Core;

namespace C2C.Adapters.ServiceBus;

/// <summary>
/// Claims-based security for Entra ID: a JWT for scope https://servicebus.azure.net/.default is put to the $cbs node
/// for each entity (audience amqp://{namespace}/{entity}) and put again before it expires.
/// </summary>
internal sealed class CbsTokens(ServiceBusOptions options)
{
    public const string Scope = "https://servicebus.azure.net/.default";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _validUntil = new(StringComparer.Ordinal);

    public void Forget() => _validUntil.Clear();

    public async Task EnsureAsync(Connection connection, string entityPath, CancellationToken cancellationToken)
    {
        if (_validUntil.TryGetValue(entityPath, out var until) && until - RenewBefore > DateTimeOffset.UtcNow)
            return;
        var token = await options.Credential!.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
        await PutAsync(connection, ServiceBusAddresses.Audience(options.FullyQualifiedNamespace, entityPath), token, cancellationToken);
        _validUntil[entityPath] = token.ExpiresOn;
    }

    private async Task PutAsync(Connection connection, string audience, AccessToken token, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var replyTo = $"cbs-reply-{id}";
        var session = new Session(connection);
        try
        {
            var sender = new SenderLink(session, $"cbs-sender-{id}", ServiceBusAddresses.Cbs);
            var receiver = new ReceiverLink(session, $"cbs-receiver-{id}",
                new Attach { Source = new Source { Address = ServiceBusAddresses.Cbs }, Target = new Target { Address = replyTo } }, null);
            var request = new Message(token.Token)
            {
                Properties = new Properties { MessageId = id, ReplyTo = replyTo },
                ApplicationProperties = new ApplicationProperties(),
            };
            request.ApplicationProperties["operation"] = "put-token";
            request.ApplicationProperties["type"] = "jwt";
            request.ApplicationProperties["name"] = audience;
            request.ApplicationProperties["expiration"] = token.ExpiresOn.UtcDateTime;
            await sender.SendAsync(request, options.SendTimeout);
            var response = await receiver.ReceiveAsync(options.SendTimeout).WaitAsync(cancellationToken)
                ?? throw new TimeoutException($"no answer from $cbs for {audience} within {options.SendTimeout}");
            receiver.Accept(response);
            var status = response.ApplicationProperties?["status-code"] is int code ? code : 0;
            if (status is not (200 or 202))
                throw new UnauthorizedAccessException($"$cbs refused the token for {audience}: {status} {response.ApplicationProperties?["status-description"]}");
        }
        finally
        {
            await ServiceBusConnection.CloseQuietlyAsync(session);
        }
    }
}
