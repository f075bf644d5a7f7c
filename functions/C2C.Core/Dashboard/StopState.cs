using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>What a stop of the journey is at: done (with when), expected (by when), or not to come (passed by).</summary>
public enum StopState
{
    Done,
    Expected,
    Skipped,
}
