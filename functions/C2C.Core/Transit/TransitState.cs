namespace C2C.Core.Transit;

/// <summary>
/// The persisted state of one movement at one node (serialised to JSON by <see cref="TransitStateSerializer"/>).
/// Lists are append-only facts; Status is derived by the deciders.
/// </summary>
public sealed record TransitState
{
    public int SchemaVersion { get; init; } = 1;

    public required string Mrn { get; init; }

    public required TransitRole Role { get; init; }

    public required TransitStatus Status { get; init; }

    public RouteFacts? Facts { get; init; }

    /// <summary>At departure, what may not change by amendment (set when a declaration is accepted before release).</summary>
    public DeclarationIdentity? Identity { get; init; }

    /// <summary>
    /// The message whose declaration <see cref="Facts"/> are from (the IE015 or the latest IE013 at departure; the record
    /// of the highest version at a receiver): records and the TAD copy it. Null in states older than amendments: the first one.
    /// </summary>
    public string? DeclarationMessageId { get; init; }

    /// <summary>Office of destination actually used after a diversion (it requested the record).</summary>
    public string? ActualDestination { get; init; }

    /// <summary>Offices that were sent a record (departure view) or that this node received one for (receiving view).</summary>
    public IReadOnlyList<string> RecordOffices { get; init; } = [];

    public IReadOnlyList<string> BorderPassages { get; init; } = [];

    public int Incidents { get; init; }

    public DateTimeOffset? ArrivedAt { get; init; }

    public string? ArrivalOffice { get; init; }

    public string? ControlResultCode { get; init; }

    public bool GuaranteeReleased { get; init; }

    public IReadOnlyList<string> Alerts { get; init; } = [];

    public string OfficeOfDestination => ActualDestination ?? Facts?.OfficeOfDestination ?? "";

    public bool IsTerminal => Status is TransitStatus.WrittenOff or TransitStatus.Cancelled;

    internal TransitState Alert(string alert) => this with { Alerts = [.. Alerts, alert] };
}
