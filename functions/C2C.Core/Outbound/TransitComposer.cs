using System.Xml.Linq;
using C2C.Core.Messages;
using C2C.Core.Transit;
using static C2C.Core.Outbound.MessageComposer;

namespace C2C.Core.Outbound;

/// <summary>
/// Composes the messages the process manager asks for (IntentAction.Compose). The anticipated records and record
/// responses carry the full declaration and risk analysis copied from the released IE015 (or the latest IE013) and its version.
/// </summary>
public static class TransitComposer
{
    /// <param name="declaration">The movement's IE015 (or received record) when the intent needs the declaration; else null.</param>
    public static byte[] Compose(TransitIntent intent, string messageId, string mrn, TransitState? state, ParsedMessage? declaration, string nodeCountry, DateTimeOffset now)
    {
        var kind = intent.Kind;
        var sender = SenderOf(intent, state, nodeCountry);
        var header = new MessageHeader(messageId, intent.CorrelationId, kind.Code, now, sender, intent.RecipientOffice);
        var mrnElement = Element("MRN", mrn);
        object?[] content = kind.Code switch
        {
            MessageCodes.AnticipatedArrivalRecord or MessageCodes.AnticipatedTransitRecord => [mrnElement, Version(state), .. DeclarationCopy(declaration, state)],
            MessageCodes.ArrivalRecordResponse or MessageCodes.TransitRecordResponse when intent.Detail is { } refusal => [mrnElement, Element("Refusal", new object[] { Element("RefusalCode", refusal), Element("Reason", Refusal(refusal)) })],
            MessageCodes.ArrivalRecordResponse or MessageCodes.TransitRecordResponse => [mrnElement, Version(state), .. DeclarationCopy(declaration, state)],
            MessageCodes.ArrivalRecordRequest or MessageCodes.TransitRecordRequest => [mrnElement, Element("RequestingOffice", intent.Detail ?? sender), Element("RequestDateTime", DateTime(now))],
            MessageCodes.WriteOffNotification => [mrnElement, Element("WriteOffDate", Date(DateOnly.FromDateTime(now.UtcDateTime))), Element("GuaranteeReleased", "true"),
                Element("Remarks", $"Written off on control results {state?.ControlResultCode}.")],
            MessageCodes.CancellationNotification => [mrnElement, Element("DecisionDateTime", DateTime(now)), Element("InitiatedByCustoms", "false"),
                Element("Justification", "Invalidated at the office of departure.")],
            MessageCodes.EnquiryRequest => [mrnElement, Element("TimeLimit", Date(state!.Facts!.TimeLimit)),
                Element("RequestText", $"Movement {mrn} is {state.Status}: please report whether the goods were presented at {intent.RecipientOffice}.")],
            MessageCodes.EnquiryResponse => EnquiryAnswer(mrnElement, state),
            MessageCodes.StatusResponse => [mrnElement, Element("Status", state is null ? "Unknown" : state.Status.ToString()), Element("StatusDateTime", DateTime(now)),
                Element("StatusText", state is null ? "No movement with this MRN is known here." : $"{state.Role} view at {nodeCountry}: {state.Status}")],
            _ => throw new ArgumentException($"{kind.Code} is not composed by the transit process"),
        };
        return MessageComposer.Compose(kind, header, content);
    }

    /// <summary>The office a composed message speaks for: departure for its own decisions, the reporting office for requests.</summary>
    private static string SenderOf(TransitIntent intent, TransitState? state, string nodeCountry) => intent.Kind.Code switch
    {
        MessageCodes.ArrivalRecordRequest or MessageCodes.TransitRecordRequest => intent.Detail!,
        MessageCodes.EnquiryResponse => state?.ArrivalOffice ?? state?.RecordOffices.FirstOrDefault(o => o.StartsWith(nodeCountry, StringComparison.Ordinal)) ?? NodeOffices.Gateway(nodeCountry),
        MessageCodes.StatusResponse when state?.Role == TransitRole.Receiving => (state.RecordOffices.Count > 0 ? state.RecordOffices[0] : NodeOffices.Gateway(nodeCountry)),
        _ => state?.Facts?.OfficeOfDeparture ?? NodeOffices.Gateway(nodeCountry),
    };

    private static object?[] EnquiryAnswer(XElement mrn, TransitState? state) => state?.ArrivedAt is { } at
        ? [mrn, Element("ResponseCode", "ARRIVED"), Element("ArrivalDateTime", DateTime(at)), Element("Office", state.ArrivalOffice), Element("ResponseText", $"Goods presented at {state.ArrivalOffice}.")]
        : [mrn, Element("ResponseCode", state is null ? "UNKNOWN" : "NOT_ARRIVED"), Element("ResponseText", state is null ? "No record of this MRN here." : "The goods have not been presented.")];

    /// <summary>The declaration's version (amendments before release); absent for version 1, as records had it before amendments.</summary>
    private static XElement? Version(TransitState? state) =>
        state?.Facts is { Version: > DeclarationVersions.First } facts ? Element("DeclarationVersion", facts.Version) : null;

    /// <summary>
    /// The declaration and risk analysis as released: a declaration accepted before release (IE015 without a release time,
    /// or the IE013 that amended it last) gets the release time IE029 gave, where a released declaration has it.
    /// </summary>
    private static XElement[] DeclarationCopy(ParsedMessage? source, TransitState? state)
    {
        if (source?.Find("Declaration") is not { } declaration || source.Find("RiskAnalysis") is not { } risk)
            throw new InvalidOperationException("the declaration of the movement is needed to compose this record");
        var copy = Copy(declaration);
        if (copy.Element(ParsedMessage.Ns + "ReleaseDateTime") is null && state?.Facts is { } facts)
            copy.Element(ParsedMessage.Ns + "DeclarationType")!.AddAfterSelf(Element("ReleaseDateTime", DateTime(facts.ReleasedAt)));
        return [copy, Copy(risk)];
    }

    private static string Refusal(string code) => code switch
    {
        "CANCELLED" => "The movement was invalidated at departure.",
        "WRITTEN_OFF" => "The movement is already written off.",
        "UNKNOWN_MRN" => "No movement with this MRN was released by this country.",
        _ => "The record cannot be provided.",
    };
}
