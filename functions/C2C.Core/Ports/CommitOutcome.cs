namespace C2C.Core.Ports;

public enum CommitOutcome
{
    Committed,
    /// <summary>Another writer changed the movement since it was read: re-read, decide again, retry.</summary>
    ConcurrentUpdate,
    /// <summary>The message id was applied meanwhile: answer from the dedup record.</summary>
    Duplicate,
}
