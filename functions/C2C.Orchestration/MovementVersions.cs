namespace C2C.Orchestration;

/// <summary>
/// Versions of the movement orchestrations. A movement keeps the version it was started with for its whole life, and
/// replays on every code change: a step added or changed is taken only by movements of the version that brought it
/// (<c>context.CompareVersionTo</c>), the older path stays in the code until no movement of that version runs
/// (a query of the task hub by version). New movements start at <see cref="Current"/>.
/// </summary>
public static class MovementVersions
{
    /// <summary>The first version: a message refused at once gets its NACK and leaves no trace in the history.</summary>
    public const string First = "1";

    /// <summary>A message refused at once is in the history (<c>refused-{id}</c>): the hand-off's acknowledgement and the auditor's record.</summary>
    public const string RefusalsInHistory = "2";

    /// <summary>
    /// A step's messages are published by the activity that records them (one activity per message instead of one plus
    /// one per message sent: each activity costs the engine a work item, a result and an episode; bench/ANALYSIS.md).
    /// </summary>
    public const string PublishedWithTheRecord = "3";

    public const string Current = PublishedWithTheRecord;
}
