namespace C2C.Core.Messages;

/// <summary>
/// Every message code, written once: the header's MessageType values (NCTS IE numbers; PA for the SASEC cargo flow).
/// The catalog builds its kinds from them; code that must branch on a code read from storage or a header (a switch, a
/// lookup table) names it here instead of repeating the literal.
/// </summary>
public static class MessageCodes
{
    public const string TransitDeclaration = "IE015";
    public const string DeclarationAmendment = "IE013";
    public const string ReleaseForTransit = "IE029";
    public const string AnticipatedArrivalRecord = "IE001";
    public const string AnticipatedTransitRecord = "IE050";
    public const string BorderPassageNotification = "IE118";
    public const string ArrivalAdvice = "IE006";
    public const string ControlResults = "IE018";
    public const string WriteOffNotification = "IE045";
    public const string InvalidationDecision = "IE009";
    public const string CancellationNotification = "IE010";
    public const string IncidentNotification = "IE180";
    public const string ArrivalRecordRequest = "IE002";
    public const string ArrivalRecordResponse = "IE003";
    public const string TransitRecordRequest = "IE114";
    public const string TransitRecordResponse = "IE115";
    public const string EnquiryRequest = "IE142";
    public const string EnquiryResponse = "IE143";
    public const string StatusRequest = "IE094";
    public const string StatusResponse = "IE095";
    public const string PreArrivalCargoData = "PA001";
    public const string PreArrivalCargoAck = "PA002";
    public const string CargoArrivalReport = "PA003";
    public const string FunctionalNack = "IE906";
    public const string XmlNack = "IE917";
    public const string PositiveAcknowledgement = "IE928";
    public const string AmendmentAcceptance = "IE004";
    public const string GuaranteeQueryResponse = "IE037";
}
