using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Transit;

public sealed record DeadlineChange(string Kind, DateTimeOffset DueAt)
{
    /// <summary>"Due when committed": deciders are pure and have no clock; the exchange puts in the commit time.</summary>
    public static readonly DateTimeOffset Immediately = DateTimeOffset.MinValue;

    public DateTimeOffset DueBy(DateTimeOffset committedAt) => DueAt == Immediately ? committedAt : DueAt;
}
