using C2C.Testing;

namespace C2C.Integration.Tests;

/// <summary>All integration tests share one real local stack (Azurite + RabbitMQ).</summary>
[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<LocalStack>
{
    public const string Name = "local stack";
}
