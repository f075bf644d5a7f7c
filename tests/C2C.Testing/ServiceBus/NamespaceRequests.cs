using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace C2C.Testing.ServiceBus;

/// <summary>
/// $cbs: the SDK puts a SAS token for each entity before attaching to it. The signature is checked against the
/// namespace's key (HMAC-SHA256 of the URL-encoded resource and the expiry), so a wrong key is refused with 401.
/// </summary>
internal sealed class CbsNode(ServiceBusNamespace owner) : IRequestProcessor
{
    public int Credit => 100;

    public void Process(RequestContext requestContext)
    {
        var audience = requestContext.Message.ApplicationProperties?["name"] as string ?? "";
        owner.TokenAudiences.Enqueue(audience);
        var valid = requestContext.Message.Body is string token && Verify(token);
        var response = new Message { ApplicationProperties = new ApplicationProperties() };
        response.ApplicationProperties["status-code"] = valid ? 200 : 401;
        response.ApplicationProperties["status-description"] = valid ? "OK" : "InvalidSignature: the token's signature does not match the key";
        requestContext.Complete(response);
    }

    private bool Verify(string token)
    {
        const string prefix = "SharedAccessSignature ";
        if (!token.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var fields = token[prefix.Length..].Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!fields.TryGetValue("sr", out var resource) || !fields.TryGetValue("sig", out var signature) || !fields.TryGetValue("se", out var expiry)
            || fields.GetValueOrDefault("skn") != ServiceBusNamespace.KeyName)
            return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(owner.Key), Encoding.UTF8.GetBytes($"{resource}\n{expiry}"));
        return Convert.ToBase64String(expected) == WebUtility.UrlDecode(signature);
    }
}

/// <summary>An entity's $management node: com.microsoft:renew-lock (what the processor's lock renewal calls).</summary>
internal sealed class ManagementNode(ServiceBusNamespace owner, SubscriptionQueue queue) : IRequestProcessor
{
    public int Credit => 100;

    public void Process(RequestContext requestContext)
    {
        var operation = requestContext.Message.ApplicationProperties?["operation"] as string;
        var response = new Message { ApplicationProperties = new ApplicationProperties() };
        if (operation == "com.microsoft:renew-lock" && requestContext.Message.Body is Map { } body && body["lock-tokens"] is Guid[] tokens)
        {
            if (queue.Renew(tokens) is { } expirations)
            {
                response.ApplicationProperties["statusCode"] = 200;
                response.BodySection = new AmqpValue { Value = new Map { ["expirations"] = expirations } };
            }
            else
            {
                response.ApplicationProperties["statusCode"] = 410;
                response.ApplicationProperties["errorCondition"] = new Symbol("com.microsoft:message-lock-lost");
                response.ApplicationProperties["statusDescription"] = "The lock supplied is invalid: it expired or the message was settled.";
            }
        }
        else
        {
            response.ApplicationProperties["statusCode"] = 501;
            response.ApplicationProperties["errorCondition"] = new Symbol("amqp:not-implemented");
            response.ApplicationProperties["statusDescription"] = $"{operation} is not implemented by the test namespace ({owner.FullyQualifiedNamespace})";
        }
        requestContext.Complete(response);
    }
}
