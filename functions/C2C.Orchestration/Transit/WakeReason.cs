using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Transit;

/// <summary>What the orchestration waits for besides messages: a customs deadline, the end of a hold, the end of its life.</summary>
public enum WakeReason
{
    Deadline,
    HoldEnds,
    Close,
}
