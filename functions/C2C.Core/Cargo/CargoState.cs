namespace C2C.Core.Cargo;

/// <summary>State of a consignment (keyed by transport document number) or of a voyage's arrival report.</summary>
public sealed record CargoState
{
    public int SchemaVersion { get; init; } = 1;

    public required CargoStatus Status { get; init; }

    public string? Voyage { get; init; }

    public string? PortOfDischarge { get; init; }

    public DateTimeOffset? EstimatedArrival { get; init; }

    public DateTimeOffset? ArrivedAt { get; init; }

    public IReadOnlyList<string> RiskFlags { get; init; } = [];

    /// <summary>On an arrival report: the consignments on board.</summary>
    public IReadOnlyList<string> Consignments { get; init; } = [];
}
