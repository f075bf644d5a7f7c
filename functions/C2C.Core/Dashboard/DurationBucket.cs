using System.Globalization;

namespace C2C.Core.Dashboard;

public sealed record DurationBucket(string Label, long Count);
