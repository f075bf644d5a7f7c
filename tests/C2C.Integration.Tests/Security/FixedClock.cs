namespace C2C.Integration.Tests.Security;

/// <summary>A clock standing at a chosen instant, to check certificate validity windows.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
