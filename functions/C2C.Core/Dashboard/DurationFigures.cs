using System.Globalization;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <param name="MeanSeconds">Null before anything was measured.</param>
/// <param name="OverLimit">Measured durations longer than their limit.</param>
public sealed record DurationFigures(string Name, IReadOnlyList<DurationBucket> Buckets, long Count, double? MeanSeconds, long OverLimit);
