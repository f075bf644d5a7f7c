namespace C2C.Core.Transit;

/// <summary>Route facts of a declaration, as far as the process manager needs them.</summary>
public sealed record RouteFacts(
    string OfficeOfDeparture,
    string OfficeOfDestination,
    IReadOnlyList<RouteOffice> Route,
    DateOnly TimeLimit,
    DateTimeOffset ReleasedAt,
    string? MeansOfTransport)
{
    /// <summary>The guarantee the declaration names (the first with a GRN behind its type code); null when none does.</summary>
    public Guarantees.GuaranteeClaim? Guarantee { get; init; }

    /// <summary>The itinerary's countries of routing (the guarantee must be valid in each).</summary>
    public IReadOnlyList<string> CountriesOfRouting { get; init; } = [];

    /// <summary>The declaration's version these facts are from: 1 for the IE015, +1 per accepted IE013 (a record without one: 1).</summary>
    public int Version { get; init; } = 1;
}
