using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <param name="Kind">Departure, Border (an office of transit or exit on the route), Destination, WriteOff.</param>
/// <param name="At">When it happened (as recorded here), or by when it is expected; null when nothing says.</param>
public sealed record JourneyStop(string Kind, string Office, StopState State, DateTimeOffset? At, string Note);
