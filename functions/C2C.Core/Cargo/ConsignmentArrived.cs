namespace C2C.Core.Cargo;

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
