
namespace C2C.Orchestration.Transit;

/// <summary>What the orchestration waits for besides messages: a customs deadline, the end of a hold, the end of its life.</summary>
public enum WakeReason
{
    Deadline,
    HoldEnds,
    Close,
}
