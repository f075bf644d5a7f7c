namespace C2C.Core.Xml;

/// <summary>
/// Hard limits applied before and while parsing, so hostile input costs little. Defaults fit the largest
/// realistic declaration (999 goods items) with a wide margin.
/// </summary>
public sealed record XmlLimits
{
    public static readonly XmlLimits Default = new();

    public int MaxBytes { get; init; } = 4 * 1024 * 1024;

    public int MaxDepth { get; init; } = 32;

    public int MaxElements { get; init; } = 100_000;

    /// <summary>Longest attribute value or text node, in characters.</summary>
    public int MaxValueLength { get; init; } = 8 * 1024;
}
