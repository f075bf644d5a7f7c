namespace C2C.Core.Dashboard;

/// <summary>How a change combines with what the row holds.</summary>
public enum FigureKind
{
    /// <summary>Adds <see cref="FigureChange.Add"/> (negative for a movement leaving a status).</summary>
    Count,

    /// <summary>Keeps the later of the held time and <see cref="FigureChange.At"/> (idempotent by itself).</summary>
    Latest,
}
