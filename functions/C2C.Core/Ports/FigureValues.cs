using C2C.Core.Dashboard;

namespace C2C.Core.Ports;

/// <summary>One row of figures as stored: its counters and times by name.</summary>
public sealed record FigureValues(FigureRow Row, IReadOnlyDictionary<string, object?> Values);
