using C2C.Testing;

namespace C2C.Node.Tests;

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<LocalStack>
{
    public const string Name = "local stack";
}
