namespace C2C.Core.Dashboard;

/// <summary>One counter of one row changed by one step of a movement.</summary>
public sealed record FigureChange(FigureRow Row, string Name, FigureKind Kind, long Add, DateTimeOffset? At = null)
{
    public static FigureChange Count(FigureRow row, string name, long add = 1) => new(row, name, FigureKind.Count, add);

    public static FigureChange Latest(FigureRow row, string name, DateTimeOffset at) => new(row, name, FigureKind.Latest, 0, at);
}
