using System.Xml.Linq;
using C2C.Core.Identifiers;
using C2C.Core.Messages;
using C2C.Core.Xml;

namespace C2C.Core.Validation;

/// <summary>
/// Rules an XSD cannot express, checked on schema-valid messages (so every element read here exists and is typed).
/// Each failure is an IE906 error with its NCTS code and the XPath of the offending element.
/// </summary>
internal static class BusinessRules
{
    private static readonly XNamespace Ns = ParsedMessage.Ns;

    public static List<MessageError> Check(MessageKind kind, MessageHeader header, XElement root)
    {
        var errors = new List<MessageError>();
        CheckDates(root, errors);
        if (errors.Count > 0)
            return errors; // every rule and decider after this reads dates: none may be out of the calendar they use
        var headerElement = root.Element(Ns + "Header")!;

        if (header.MessageType != kind.Code)
        {
            var type = headerElement.Element(Ns + "MessageType")!;
            errors.Add(Error(ErrorCodes.IncorrectValue, $"MessageType {header.MessageType} does not match the message {kind.RootElement} ({kind.Code}).", type));
        }
        if (header.SenderOffice == header.RecipientOffice)
        {
            errors.Add(Error(ErrorCodes.RuleViolation, "MessageSender and MessageRecipient must be different offices.", headerElement.Element(Ns + "MessageRecipient")!));
        }
        foreach (var mrnElement in root.Elements(Ns + "MRN"))
        {
            if (!Mrn.TryParse(mrnElement.Value, out _, out var reason))
                errors.Add(Error(ErrorCodes.InvalidMrn, reason!, mrnElement));
        }
        if (root.Element(Ns + "Declaration") is { } declaration)
            CheckDeclaration(kind, header, root, declaration, errors);
        foreach (var container in root.Descendants(Ns + "ContainerIdentificationNumber"))
        {
            var id = container.Value;
            if (Iso6346.CheckDigit(id.AsSpan(0, 10)) != id[10] - '0')
                errors.Add(Error(ErrorCodes.IncorrectValue, $"Container number {id} has a wrong ISO 6346 check digit.", container));
        }
        CheckGoodsItemNumbers(root.Descendants(Ns + "GoodsItem"), errors);
        return errors.Count > MessageValidator.MaxReportedErrors ? errors[..MessageValidator.MaxReportedErrors] : errors;
    }

    private static void CheckDeclaration(MessageKind kind, MessageHeader header, XElement root, XElement declaration, List<MessageError> errors)
    {
        // A declaration accepted before release (IE015 without a release time, IE013) is dated by when it was sent: release comes later.
        var releaseElement = declaration.Element(Ns + "ReleaseDateTime");
        var release = releaseElement is null
            ? DateOnly.FromDateTime(header.PreparedAt.UtcDateTime)
            : DateOnly.FromDateTime(DateTime.Parse(releaseElement.Value, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        var timeLimitElement = declaration.Element(Ns + "TimeLimit")!;
        if (DateOnly.Parse(timeLimitElement.Value) < release)
            errors.Add(Error(ErrorCodes.RuleViolation, $"TimeLimit {timeLimitElement.Value} is before the {(releaseElement is null ? "declaration" : "release")} date {release:yyyy-MM-dd}.", timeLimitElement));

        var departure = declaration.Element(Ns + "CustomsOfficeOfDeparture")!;
        var mrnElement = root.Element(Ns + "MRN")!;
        var mrn = mrnElement.Value;
        // NCTS: the MRN carries the year its declaration was accepted. Acceptance comes before release, at most
        // across one new year (accepted on 31 December, released in January), so any other year is a made-up MRN.
        if (Mrn.TryParse(mrn, out var parsed, out _) && parsed.Year != release.Year && parsed.Year != release.Year - 1)
            errors.Add(Error(ErrorCodes.InvalidMrn,
                $"The MRN's year {mrn[..2]} is not the year its declaration was accepted: released on {release:yyyy-MM-dd}, the MRN begins with {release.Year % 100:D2} (or {(release.Year - 1) % 100:D2} if accepted before the new year).", mrnElement));
        if (mrn.Length >= 4 && mrn.Substring(2, 2) != departure.Value[..2])
            errors.Add(Error(ErrorCodes.RuleViolation, $"The MRN's country {mrn.Substring(2, 2)} is not the country of the office of departure {departure.Value}.", departure));
        if ((kind == MessageCatalog.TransitDeclaration || kind == MessageCatalog.DeclarationAmendment) && header.SenderOffice != departure.Value)
            errors.Add(Error(ErrorCodes.RuleViolation, $"A transit declaration{(kind == MessageCatalog.DeclarationAmendment ? "'s amendment" : "")} is sent by its office of departure {departure.Value}, not {header.SenderOffice}.", departure));

        var sequences = new HashSet<string>(StringComparer.Ordinal);
        foreach (var office in declaration.Descendants(Ns + "CustomsOfficeOfTransit"))
        {
            var sequence = office.Element(Ns + "SequenceNumber")!;
            if (!sequences.Add(sequence.Value))
                errors.Add(Error(ErrorCodes.DuplicateDetected, $"Office of transit sequence number {sequence.Value} is used twice.", sequence));
        }
    }

    /// <summary>The schema's date and date-time elements (xs:date, xs:dateTime), by name.</summary>
    private static readonly HashSet<string> DateElements = new(StringComparer.Ordinal)
    {
        "AcceptanceDateTime", "ActualArrivalDateTime", "AmendmentDateTime", "AmendmentAcceptanceDateTime", "ArrivalDateTime", "ControlDate", "CrossingDateTime", "DecisionDateTime",
        "EstimatedArrivalDateTime", "IncidentDateTime", "PreparationDateTime", "RejectionDateTime", "ReleaseDateTime",
        "RequestDateTime", "StatusDateTime", "TimeLimit", "WriteOffDate",
    };

    /// <summary>
    /// xs:date and xs:dateTime allow years 1 to 9999 and any offset; our MRNs count years as 20YY, and time limits and
    /// deadlines are computed from these dates. A date outside 2000-2099 (UTC) is refused here, where it has a pointer,
    /// rather than overflowing later as an exception.
    /// </summary>
    private static void CheckDates(XElement root, List<MessageError> errors)
    {
        foreach (var element in root.Descendants().Where(e => e.Name.Namespace == Ns && DateElements.Contains(e.Name.LocalName) && !e.HasElements))
        {
            int? year;
            try
            {
                year = element.Value.Contains('T') ? System.Xml.XmlConvert.ToDateTimeOffset(element.Value).UtcDateTime.Year : DateOnly.Parse(element.Value, System.Globalization.CultureInfo.InvariantCulture).Year;
            }
            catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
            {
                year = null;
            }
            if (year is not (>= 2000 and <= 2099))
                errors.Add(Error(ErrorCodes.IncorrectValue, $"{element.Name.LocalName} {element.Value} is outside the years 2000 to 2099 (UTC).", element));
        }
    }

    /// <summary>Goods items are numbered 1..n in order, as in NCTS (rule R0007-like).</summary>
    private static void CheckGoodsItemNumbers(IEnumerable<XElement> goodsItems, List<MessageError> errors)
    {
        var expected = 1;
        foreach (var item in goodsItems)
        {
            var number = item.Element(Ns + "GoodsItemNumber")!;
            if (number.Value != expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
                errors.Add(Error(ErrorCodes.RuleViolation, $"Goods items must be numbered 1..n in order: expected {expected}, found {number.Value}.", number));
            expected++;
        }
    }

    private static MessageError Error(string code, string reason, XElement element)
    {
        var lineInfo = (System.Xml.IXmlLineInfo)element;
        return new MessageError(code, reason, XPathPointer.Of(element), element.HasElements ? null : element.Value,
            lineInfo.HasLineInfo() ? lineInfo.LineNumber : null, lineInfo.HasLineInfo() ? lineInfo.LinePosition : null);
    }
}
