namespace C2C.Core.Ports;

public enum DeadlineCheck
{
    /// <summary>The movement still wants this deadline: handle it, then complete it.</summary>
    Live,
    /// <summary>Cleared, moved, or its commit failed long ago: complete it without handling.</summary>
    Stale,
    /// <summary>Not in the movement yet but written moments ago: its commit may be in flight, look again later.</summary>
    Pending,
}
