using C2C.Testing;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>The local durable engine's tests share one real Azurite (started by the test command or by the fixture).</summary>
[CollectionDefinition(Name)]
public sealed class LocalStackCollection : ICollectionFixture<LocalStack>
{
    public const string Name = "local durable engine";
}
