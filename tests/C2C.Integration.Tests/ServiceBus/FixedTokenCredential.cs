using Azure.Core;

namespace C2C.Integration.Tests.ServiceBus;

/// <summary>Stands in for Entra ID (not reachable here): hands out a fixed JWT-shaped token and counts the requests.</summary>
public sealed class FixedTokenCredential(TimeSpan lifetime) : TokenCredential
{
    public const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3NlcnZpY2VidXMuYXp1cmUubmV0In0.c2ln";

    public List<string[]> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
            Scopes.Add(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow + lifetime);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
