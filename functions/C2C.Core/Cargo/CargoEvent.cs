namespace C2C.Core.Cargo;

/// <summary>
/// A SASEC message (or what the node raises itself about a cargo record) as the cargo decider sees it: typed facts, no
/// XML. Read once at ingest (<see cref="CargoEventReader"/>), so a decision replayed later never parses a message.
/// </summary>
public abstract record CargoEvent(string MessageId, string MessageType, string SenderOffice);

/// <summary>PA001: a consignment's pre-arrival data, sent by an export office or received from the export country.</summary>
/// <param name="CommodityCodes">The HS codes of its goods items (distinct, in document order): what targeting reads.</param>
public sealed record PreArrivalDataReceived(
    string MessageId,
    string SenderOffice,
    string RecipientOffice,
    string? Voyage,
    string? PortOfDischarge,
    DateTimeOffset EstimatedArrival,
    IReadOnlyList<string> CommodityCodes,
    bool HasConsignee)
    : CargoEvent(MessageId, "PA001", SenderOffice);

/// <summary>PA002: the import side's acknowledgement, with the codes of the risk flags it raised.</summary>
public sealed record PreArrivalAcknowledged(string MessageId, string SenderOffice, string? Status, IReadOnlyList<string> RiskFlagCodes)
    : CargoEvent(MessageId, "PA002", SenderOffice);

/// <summary>PA003: the vessel of a voyage arrived at the import port with these consignments on board (distinct).</summary>
public sealed record VesselArrivalReported(string MessageId, string SenderOffice, string Voyage, string? PortOfDischarge, DateTimeOffset ArrivedAt, IReadOnlyList<string> Consignments)
    : CargoEvent(MessageId, "PA003", SenderOffice);

/// <summary>
/// A vessel's arrival as it concerns one consignment on board: the node raises it itself (from the voyage's record to
/// the consignment's), under an id derived from the arrival report and the consignment, so it is applied once.
/// </summary>
public sealed record ConsignmentArrived(string MessageId, string Voyage, string? PortOfDischarge, DateTimeOffset ArrivedAt, string SenderOffice)
    : CargoEvent(MessageId, EventType, SenderOffice)
{
    /// <summary>The event type in the consignment's history.</summary>
    public const string EventType = "ARRIVAL";

    /// <summary>The id of the arrival of <paramref name="consignment"/> reported by <paramref name="reportId"/>: unique node-wide, the same every time.</summary>
    public static string IdFor(string reportId, string consignment) => $"arrival-{reportId}-{consignment}";
}
