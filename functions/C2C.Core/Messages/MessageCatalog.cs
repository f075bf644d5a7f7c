namespace C2C.Core.Messages;

/// <summary>
/// The closed set of message types. Codes follow NCTS Phase 5 where the flow exists there;
/// the SASEC pre-arrival cargo flow has no NCTS counterpart and uses PA codes.
/// </summary>
public static class MessageCatalog
{
    /// <summary>Target namespace of every message schema in schemas/.</summary>
    public const string Namespace = "urn:c2c:transit:v1";

    public static readonly MessageKind TransitDeclaration = new(MessageCodes.TransitDeclaration, "TransitDeclaration", MessageFamily.Transit, "Transit declaration released at departure");
    public static readonly MessageKind DeclarationAmendment = new(MessageCodes.DeclarationAmendment, "DeclarationAmendment", MessageFamily.Transit, "Amendment of an accepted declaration before release");
    public static readonly MessageKind ReleaseForTransit = new(MessageCodes.ReleaseForTransit, "ReleaseForTransit", MessageFamily.Transit, "Release for transit of an accepted declaration");
    public static readonly MessageKind AnticipatedArrivalRecord = new(MessageCodes.AnticipatedArrivalRecord, "AnticipatedArrivalRecord", MessageFamily.Transit, "Anticipated arrival record (to destination)");
    public static readonly MessageKind AnticipatedTransitRecord = new(MessageCodes.AnticipatedTransitRecord, "AnticipatedTransitRecord", MessageFamily.Transit, "Anticipated transit record (to border / transit office)");
    public static readonly MessageKind BorderPassageNotification = new(MessageCodes.BorderPassageNotification, "BorderPassageNotification", MessageFamily.Transit, "Notification of crossing the frontier");
    public static readonly MessageKind ArrivalAdvice = new(MessageCodes.ArrivalAdvice, "ArrivalAdvice", MessageFamily.Transit, "Arrival advice");
    public static readonly MessageKind ControlResults = new(MessageCodes.ControlResults, "ControlResults", MessageFamily.Transit, "Destination control results / acceptance");
    public static readonly MessageKind WriteOffNotification = new(MessageCodes.WriteOffNotification, "WriteOffNotification", MessageFamily.Transit, "Write-off notification, guarantee released");
    public static readonly MessageKind InvalidationDecision = new(MessageCodes.InvalidationDecision, "InvalidationDecision", MessageFamily.Transit, "Invalidation (cancellation) decision at departure");
    public static readonly MessageKind CancellationNotification = new(MessageCodes.CancellationNotification, "CancellationNotification", MessageFamily.Transit, "Cancellation notification to offices on the route");
    public static readonly MessageKind IncidentNotification = new(MessageCodes.IncidentNotification, "IncidentNotification", MessageFamily.Transit, "Incident en route");
    public static readonly MessageKind ArrivalRecordRequest = new(MessageCodes.ArrivalRecordRequest, "ArrivalRecordRequest", MessageFamily.Transit, "Anticipated arrival record request (diversion to an undeclared destination)");
    public static readonly MessageKind ArrivalRecordResponse = new(MessageCodes.ArrivalRecordResponse, "ArrivalRecordResponse", MessageFamily.Transit, "Anticipated arrival record response");
    public static readonly MessageKind TransitRecordRequest = new(MessageCodes.TransitRecordRequest, "TransitRecordRequest", MessageFamily.Transit, "Anticipated transit record request (diversion to an undeclared border office)");
    public static readonly MessageKind TransitRecordResponse = new(MessageCodes.TransitRecordResponse, "TransitRecordResponse", MessageFamily.Transit, "Anticipated transit record response");
    public static readonly MessageKind EnquiryRequest = new(MessageCodes.EnquiryRequest, "EnquiryRequest", MessageFamily.Transit, "Enquiry request (movement overdue)");
    public static readonly MessageKind EnquiryResponse = new(MessageCodes.EnquiryResponse, "EnquiryResponse", MessageFamily.Transit, "Enquiry response");
    public static readonly MessageKind StatusRequest = new(MessageCodes.StatusRequest, "StatusRequest", MessageFamily.Transit, "Status request");
    public static readonly MessageKind StatusResponse = new(MessageCodes.StatusResponse, "StatusResponse", MessageFamily.Transit, "Status response");
    public static readonly MessageKind PreArrivalCargoData = new(MessageCodes.PreArrivalCargoData, "PreArrivalCargoData", MessageFamily.Cargo, "Pre-arrival cargo data (export side to import side)");
    public static readonly MessageKind PreArrivalCargoAck = new(MessageCodes.PreArrivalCargoAck, "PreArrivalCargoAck", MessageFamily.Cargo, "Pre-arrival cargo data acknowledgement");
    public static readonly MessageKind CargoArrivalReport = new(MessageCodes.CargoArrivalReport, "CargoArrivalReport", MessageFamily.Cargo, "Arrival of the means of transport at the import port (matching)");
    public static readonly MessageKind FunctionalNack = new(MessageCodes.FunctionalNack, "FunctionalNack", MessageFamily.Control, "Functional NACK");
    public static readonly MessageKind XmlNack = new(MessageCodes.XmlNack, "XmlNack", MessageFamily.Control, "XML NACK (message rejected on structure)");
    public static readonly MessageKind PositiveAcknowledgement = new(MessageCodes.PositiveAcknowledgement, "PositiveAcknowledgement", MessageFamily.Control, "Receipt: message accepted, archived and indexed");

    public static readonly IReadOnlyList<MessageKind> All =
    [
        TransitDeclaration, DeclarationAmendment, ReleaseForTransit, AnticipatedArrivalRecord, AnticipatedTransitRecord, BorderPassageNotification,
        ArrivalAdvice, ControlResults, WriteOffNotification, InvalidationDecision, CancellationNotification,
        IncidentNotification, ArrivalRecordRequest, ArrivalRecordResponse, TransitRecordRequest, TransitRecordResponse,
        EnquiryRequest, EnquiryResponse, StatusRequest, StatusResponse,
        PreArrivalCargoData, PreArrivalCargoAck, CargoArrivalReport, FunctionalNack, XmlNack, PositiveAcknowledgement,
    ];

    private static readonly Dictionary<string, MessageKind> ByCode = All.ToDictionary(k => k.Code, StringComparer.Ordinal);
    private static readonly Dictionary<string, MessageKind> ByRoot = All.ToDictionary(k => k.RootElement, StringComparer.Ordinal);

    public static MessageKind? FindByCode(string code) => ByCode.GetValueOrDefault(code);

    public static MessageKind? FindByRootElement(string localName) => ByRoot.GetValueOrDefault(localName);
}
