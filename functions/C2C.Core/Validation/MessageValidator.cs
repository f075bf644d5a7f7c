using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using C2C.Core.Messages;
using C2C.Core.Xml;

namespace C2C.Core.Validation;

/// <summary>
/// Bytes in, either a <see cref="ParsedMessage"/> or a <see cref="Rejection"/> out: hardened parse, known root,
/// XSD validation (IE917 errors with XPath and line), then business rules (IE906 errors with NCTS codes).
/// Stateless and thread-safe.
/// </summary>
public sealed class MessageValidator(XmlLimits? limits = null)
{
    /// <summary>Enough errors to fix a message in one round trip, few enough to bound the NACK's size.</summary>
    public const int MaxReportedErrors = 20;

    private readonly XmlLimits _limits = limits ?? XmlLimits.Default;

    public ValidationResult Validate(ReadOnlyMemory<byte> raw)
    {
        var (document, parseError) = HardenedXml.Load(raw, _limits);
        if (document is null)
            return ValidationResult.Rejected(Rejection.Of(parseError!));

        var root = document.Root!;
        var kind = root.Name.NamespaceName == MessageCatalog.Namespace ? MessageCatalog.FindByRootElement(root.Name.LocalName) : null;
        if (kind is null)
        {
            return ValidationResult.Rejected(Rejection.Of(new MessageError(ErrorCodes.UnknownMessageType,
                $"Unknown message: root element '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}'; expected one of the {MessageCatalog.All.Count} messages of {MessageCatalog.Namespace}.",
                "/" + root.Name.LocalName, root.Name.LocalName)));
        }

        var schemaErrors = SchemaErrors(document);
        if (schemaErrors.Count > 0)
            return ValidationResult.Rejected(new Rejection(schemaErrors, TryReadHeader(root), MovementReferenceOf(root)));

        var header = TryReadHeader(root)!;
        var reference = MovementReferenceOf(root);
        var ruleErrors = BusinessRules.Check(kind, header, root);
        if (ruleErrors.Count > 0)
            return ValidationResult.Rejected(new Rejection(ruleErrors, header, reference));

        return ValidationResult.Accepted(new ParsedMessage
        {
            Kind = kind,
            Header = header,
            MovementReference = reference,
            Document = document,
            Raw = raw,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(raw.Span)),
        });
    }

    private static List<MessageError> SchemaErrors(XDocument document)
    {
        var errors = new List<MessageError>();
        document.Validate(MessageSchemas.Set, (sender, e) =>
        {
            if (errors.Count >= MaxReportedErrors)
                return;
            var node = sender as XObject;
            var lineInfo = node as IXmlLineInfo;
            var value = node switch { XElement { HasElements: false } el => el.Value, XAttribute a => a.Value, _ => null };
            errors.Add(new MessageError(ErrorCodes.SchemaViolation, e.Message, XPathPointer.Of(node), Truncate(value),
                lineInfo?.HasLineInfo() == true ? lineInfo.LineNumber : e.Exception?.LineNumber,
                lineInfo?.HasLineInfo() == true ? lineInfo.LinePosition : e.Exception?.LinePosition));
        });
        return errors;
    }

    /// <summary>Best effort: lets a NACK correlate even when the rest of the message is invalid.</summary>
    internal static MessageHeader? TryReadHeader(XElement root)
    {
        var header = root.Element(ParsedMessage.Ns + "Header");
        string? Text(string name) => header?.Element(ParsedMessage.Ns + name)?.Value;
        var id = Text("MessageId");
        if (header is null || string.IsNullOrWhiteSpace(id) || id.Length > 70)
            return null;
        DateTimeOffset.TryParse(Text("PreparationDateTime"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var preparedAt);
        return new MessageHeader(id, Text("CorrelationId"), Text("MessageType") ?? "", preparedAt,
            Text("MessageSender") ?? "", Text("MessageRecipient") ?? "");
    }

    /// <summary>The element right after the header keys the movement: MRN, consignment, voyage or (receipts) movement reference.</summary>
    internal static string? MovementReferenceOf(XElement root)
    {
        var key = root.Element(ParsedMessage.Ns + "Header")?.ElementsAfterSelf().FirstOrDefault();
        return key?.Name.LocalName is "MRN" or "ConsignmentReference" or "VoyageReference" or "MovementReference"
            && key.Value.Length is > 0 and <= 35
            ? key.Value
            : null;
    }

    private static string? Truncate(string? value) => value is { Length: > 512 } ? value[..512] : value;
}
