using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;

namespace C2C.Core.Partners;

/// <summary>
/// An office a message names in its body is a claim of the administration that sends it: where the goods arrived
/// (IE006, IE018), which border office saw them (IE118), who asks for the record (IE002, IE114), who endorsed an
/// incident (IE180), who answers an enquiry (IE143), which office released them (a declaration or a record). Only the
/// administration of that office may make the claim; else one country's word would move another country's view of
/// the movement (an arrival "at" a Togolese office reported by Burkina Faso). And a declaration can route goods only
/// through offices of administrations this node exchanges with: a record for any other could never be delivered.
/// </summary>
public static class OfficeAssertions
{
    /// <summary>For each message type, the body elements whose office the sender's administration asserts (paths under the root).</summary>
    private static readonly Dictionary<string, string[][]> Asserted = new(StringComparer.Ordinal)
    {
        [MessageCodes.ArrivalAdvice] = [["CustomsOfficeOfDestinationActual"]],
        [MessageCodes.ControlResults] = [["CustomsOfficeOfDestinationActual"]],
        [MessageCodes.BorderPassageNotification] = [["CustomsOfficeOfTransitActual"]],
        [MessageCodes.ArrivalRecordRequest] = [["RequestingOffice"]],
        [MessageCodes.TransitRecordRequest] = [["RequestingOffice"]],
        [MessageCodes.EnquiryResponse] = [["Office"]],
        [MessageCodes.IncidentNotification] = [["Incident", "EndorsingOffice"]],
        [MessageCodes.TransitDeclaration] = [["Declaration", "CustomsOfficeOfDeparture"]],
        [MessageCodes.DeclarationAmendment] = [["Declaration", "CustomsOfficeOfDeparture"]],
        [MessageCodes.AnticipatedArrivalRecord] = [["Declaration", "CustomsOfficeOfDeparture"]],
        [MessageCodes.AnticipatedTransitRecord] = [["Declaration", "CustomsOfficeOfDeparture"]],
        [MessageCodes.ArrivalRecordResponse] = [["Declaration", "CustomsOfficeOfDeparture"]],
        [MessageCodes.TransitRecordResponse] = [["Declaration", "CustomsOfficeOfDeparture"]],
    };

    /// <returns>
    /// The first office the sender may not assert (94), or a declared route office of no known administration (12),
    /// as a functional error with its XPath; null when every office fits.
    /// </returns>
    public static MessageError? Check(ParsedMessage message, PartnerRegistry registry) =>
        AssertedByOthers(message, registry) ?? (message.Kind == MessageCatalog.TransitDeclaration || message.Kind == MessageCatalog.DeclarationAmendment ? UnknownOnRoute(message, registry) : null);

    private static MessageError? UnknownOnRoute(ParsedMessage message, PartnerRegistry registry)
    {
        var declaration = message.Find("Declaration")!;
        var routeOffices = declaration.Element(ParsedMessage.Ns + "Itinerary")!.Elements(ParsedMessage.Ns + "CustomsOfficeOfTransit")
            .Select(o => o.Element(ParsedMessage.Ns + "ReferenceNumber")!)
            .Append(declaration.Element(ParsedMessage.Ns + "CustomsOfficeOfDestination")!);
        return routeOffices.FirstOrDefault(o => CountryOf(o.Value, registry) is null) is { } unknown
            ? new MessageError(ErrorCodes.IncorrectValue,
                $"Office {unknown.Value} on the route belongs to no administration this node exchanges with: its record could never be delivered.",
                Xml.XPathPointer.Of(unknown), unknown.Value)
            : null;
    }

    private static MessageError? AssertedByOthers(ParsedMessage message, PartnerRegistry registry)
    {
        if (!Asserted.TryGetValue(message.Kind.Code, out var paths))
            return null;
        var sender = message.Header.SenderOffice;
        var senderCountry = CountryOf(sender, registry);
        foreach (var path in paths)
        {
            if (message.Find(path) is not { } element)
                continue;
            var office = element.Value;
            var country = CountryOf(office, registry);
            if (country is not null && country == senderCountry)
                continue;
            var owner = country is null ? "an office no registered administration owns" : $"an office of {country}";
            return new MessageError(ErrorCodes.NotAuthorised,
                $"{string.Join('/', path)} {office} is {owner}; {sender} ({senderCountry ?? "unknown"}) may name only offices of its own administration there.",
                $"/{message.Kind.RootElement}/{string.Join('/', path)}", office);
        }
        return null;
    }

    /// <summary>The administration an office belongs to: this node's own, a registered party's, or a node's technical office.</summary>
    private static string? CountryOf(string office, PartnerRegistry registry) =>
        registry.Self.Serves(office) ? registry.Self.Country
        : registry.FindOfficeOwner(office) is { } owner && owner.Has(PartnerRole.Partner) ? owner.Country
        : NodeOffices.IsGateway(office) ? office[..2]
        : null;
}
