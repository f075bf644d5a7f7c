namespace C2C.Core.Cargo;

public enum CargoStatus
{
    /// <summary>Export side: pre-arrival data sent to the import country.</summary>
    Sent,
    /// <summary>Export side: the import side acknowledged (with or without risk flags).</summary>
    Acknowledged,
    /// <summary>Import side: pre-arrival data received and targeted; the vessel is expected.</summary>
    Announced,
    /// <summary>Import side (voyage): the vessel arrived with the listed consignments.</summary>
    VesselArrived,
    /// <summary>Import side: the consignment arrived and matches the pre-arrival data received for it.</summary>
    Arrived,
    /// <summary>Import side: the consignment arrived with no pre-arrival data (alert: not risk-assessed in advance).</summary>
    ArrivedWithoutPreArrival,
}

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
