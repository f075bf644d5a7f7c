namespace C2C.Node.Tests;

/// <summary>The system clock, moved by <see cref="Offset"/>: a node seen months later, when certificates have expired.</summary>
internal sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
