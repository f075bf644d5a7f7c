namespace C2C.EndToEnd.Tests;

/// <summary>One local stack for every end-to-end test; the tests run one after the other (they start processes).</summary>
[CollectionDefinition(Name)]
public sealed class CorridorCollection : ICollectionFixture<LocalStack>
{
    public const string Name = "corridor";
}
