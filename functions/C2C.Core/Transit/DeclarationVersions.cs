namespace C2C.Core.Transit;

/// <summary>
/// Versions of a declaration: 1 for the IE015, +1 per accepted IE013. A receiver keeps the facts of the highest version
/// it was sent, whatever order the records come in (a broker may reorder, a dead-letter replay may bring an old one
/// late): an older version is recorded in the history but never applied. Pure.
/// </summary>
public static class DeclarationVersions
{
    public const int First = 1;

    /// <summary>The version an accepted amendment gives the declaration.</summary>
    public static int Next(RouteFacts current) => current.Version + 1;

    /// <summary>Whether facts of <paramref name="arriving"/>'s version replace those held (the same version again does: it is the same declaration).</summary>
    public static bool Supersedes(RouteFacts? held, RouteFacts arriving) => held is null || arriving.Version >= held.Version;

    /// <summary>The facts a receiver keeps once <paramref name="arriving"/> came.</summary>
    public static RouteFacts Latest(RouteFacts? held, RouteFacts arriving) => Supersedes(held, arriving) ? arriving : held!;
}
