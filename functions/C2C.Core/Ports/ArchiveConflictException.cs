namespace C2C.Core.Ports;

public sealed class ArchiveConflictException(string name)
    : Exception($"archive entry {name} already exists with different content")
{
    public string Name { get; } = name;
}
