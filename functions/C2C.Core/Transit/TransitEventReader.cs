using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using C2C.Core.Guarantees;
using C2C.Core.Messages;

namespace C2C.Core.Transit;

/// <summary>Turns a validated transit message into the typed event the deciders take (the XSD guarantees the elements).</summary>
public static class TransitEventReader
{
    public static TransitEvent Read(ParsedMessage m, MessageOrigin origin)
    {
        var h = m.Header;
        var (id, from, to) = (h.MessageId, h.SenderOffice, h.RecipientOffice);
        return m.Kind.Code switch
        {
            MessageCodes.TransitDeclaration when m.Value("Declaration", "ReleaseDateTime") is null => new DeclarationLodged(id, from, to, origin, Facts(m), Identity(m)),
            MessageCodes.TransitDeclaration => new DeclarationReleased(id, from, to, origin, Facts(m)),
            MessageCodes.DeclarationAmendment => new DeclarationAmended(id, from, to, origin, Facts(m), Identity(m), m.Value("Declaration", "ReleaseDateTime") is not null),
            MessageCodes.ReleaseForTransit => new ReleaseGranted(id, from, to, origin, Time(m.Value("ReleaseDateTime")!)),
            MessageCodes.AnticipatedTransitRecord or MessageCodes.AnticipatedArrivalRecord => new AnticipatedRecordReceived(id, m.Kind.Code, from, to, origin, Facts(m)),
            MessageCodes.BorderPassageNotification => new BorderPassage(id, from, to, origin, m.Value("CustomsOfficeOfTransitActual")!, Time(m.Value("CrossingDateTime")!), Bool(m.Value("SealsIntact")!)),
            MessageCodes.ArrivalAdvice => new ArrivalAdvised(id, from, to, origin, m.Value("CustomsOfficeOfDestinationActual")!, Time(m.Value("ArrivalDateTime")!)),
            MessageCodes.ControlResults => new ControlResultsReported(id, from, to, origin, m.Value("CustomsOfficeOfDestinationActual")!, m.Value("ControlResultCode")!),
            MessageCodes.WriteOffNotification => new WriteOffNotified(id, from, to, origin),
            MessageCodes.InvalidationDecision => new InvalidationDecided(id, from, to, origin, m.Value("Justification")!),
            MessageCodes.CancellationNotification => new CancellationNotified(id, from, to, origin),
            MessageCodes.IncidentNotification => new IncidentReported(id, from, to, origin, m.Value("Incident", "Code")!, m.Value("Incident", "Text")!, m.Find("Incident", "NewMeansOfTransport") is not null),
            MessageCodes.ArrivalRecordRequest or MessageCodes.TransitRecordRequest => new RecordRequested(id, m.Kind.Code, from, to, origin, m.Value("RequestingOffice")!),
            MessageCodes.ArrivalRecordResponse or MessageCodes.TransitRecordResponse => new RecordResponded(id, m.Kind.Code, from, to, origin, m.Find("Declaration") is null ? null : Facts(m), m.Value("Refusal", "RefusalCode")),
            MessageCodes.EnquiryRequest => new EnquiryRequested(id, from, to, origin),
            MessageCodes.EnquiryResponse => new EnquiryAnswered(id, from, to, origin, m.Value("ResponseCode")!, m.Value("ArrivalDateTime") is { } at ? Time(at) : null, m.Header.PreparedAt),
            MessageCodes.StatusRequest => new StatusRequested(id, from, to, origin),
            MessageCodes.StatusResponse => new InformationReceived(id, m.Kind.Code, from, to, origin, $"status {m.Value("Status")}"),
            MessageCodes.FunctionalNack or MessageCodes.XmlNack => new InformationReceived(id, m.Kind.Code, from, to, origin,
                $"rejected {m.Value("OriginalMessageId")}: {m.Value("FunctionalError", "ErrorCode")} {m.Value("FunctionalError", "ErrorReason")}"),
            _ => throw new ArgumentException($"{m.Kind.Code} is not a transit message"),
        };
    }

    public static RouteFacts Facts(ParsedMessage m)
    {
        string D(params string[] path) => m.Value(["Declaration", .. path])!;
        var declaration = m.Find("Declaration")!;
        var route = declaration.Element(ParsedMessage.Ns + "Itinerary")!.Elements(ParsedMessage.Ns + "CustomsOfficeOfTransit")
            .OrderBy(o => int.Parse(o.Element(ParsedMessage.Ns + "SequenceNumber")!.Value, CultureInfo.InvariantCulture))
            .Select(o => new RouteOffice(o.Element(ParsedMessage.Ns + "ReferenceNumber")!.Value, o.Element(ParsedMessage.Ns + "Role")!.Value))
            .Append(new RouteOffice(D("CustomsOfficeOfDestination"), RouteOffice.Destination))
            .ToList();
        // A declaration lodged or amended before release has no release time yet: the time it was sent stands in until release.
        var releasedAt = m.Value("Declaration", "ReleaseDateTime") is { } released ? Time(released) : m.Header.PreparedAt;
        return new RouteFacts(D("CustomsOfficeOfDeparture"), D("CustomsOfficeOfDestination"), route,
            DateOnly.Parse(D("TimeLimit"), CultureInfo.InvariantCulture), releasedAt,
            m.Value("Declaration", "Consignment", "Transport", "MeansOfTransport", "Identification"))
        {
            Guarantee = Guarantee(declaration),
            CountriesOfRouting = declaration.Element(ParsedMessage.Ns + "Itinerary")!.Elements(ParsedMessage.Ns + "CountryOfRouting").Select(c => c.Value).ToList(),
            Version = m.Value("DeclarationVersion") is { } version ? int.Parse(version, CultureInfo.InvariantCulture) : DeclarationVersions.First,
        };
    }

    /// <summary>What an amendment may not change (<see cref="AmendmentRules"/>).</summary>
    public static DeclarationIdentity Identity(ParsedMessage m) =>
        new(m.Value("Declaration", "DeclarationType")!, m.Value("Declaration", "CustomsOfficeOfDeparture")!,
            m.Value("Declaration", "HolderOfTheTransitProcedure", "IdentificationNumber") ?? "", m.Value("Declaration", "HolderOfTheTransitProcedure", "Name")!);

    /// <summary>The first guarantee with a GRN behind its type code, and the customs value of the goods it covers.</summary>
    private static GuaranteeClaim? Guarantee(XElement declaration)
    {
        XNamespace ns = ParsedMessage.Ns;
        var goodsValue = declaration.Element(ns + "Consignment")!.Elements(ns + "GoodsItem")
            .Sum(g => g.Element(ns + "StatisticalValue") is { } v ? decimal.Parse(v.Value, CultureInfo.InvariantCulture) : 0m);
        return declaration.Elements(ns + "Guarantee")
            .Where(g => GuaranteeTypeCodes.KindOf(g.Element(ns + "GuaranteeTypeCode")!.Value) is not null)
            .Select(g => new GuaranteeClaim(g.Element(ns + "GuaranteeReferenceNumber")!.Value, g.Element(ns + "GuaranteeTypeCode")!.Value,
                decimal.Parse(g.Element(ns + "AmountToBeCovered")!.Value, CultureInfo.InvariantCulture), g.Element(ns + "Currency")!.Value, goodsValue))
            .FirstOrDefault();
    }

    private static DateTimeOffset Time(string value) => XmlConvert.ToDateTimeOffset(value);

    private static bool Bool(string value) => XmlConvert.ToBoolean(value);
}
