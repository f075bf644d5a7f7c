using System.Xml;
using System.Xml.Linq;
using C2C.Core.Validation;

namespace C2C.Core.Xml;

/// <summary>
/// The only way the core reads XML: no DTD, no resolver (so no external entity can be fetched), UTF-8 only,
/// and size, depth, element-count and value-length limits checked in a streaming pass before a tree is built.
/// </summary>
public static class HardenedXml
{
    public static XmlReaderSettings ReaderSettings(XmlLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = limits.MaxBytes,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Parses the bytes into a tree with line information, or returns the structural error.</summary>
    public static (XDocument? Document, MessageError? Error) Load(ReadOnlyMemory<byte> bytes, XmlLimits limits)
    {
        if (bytes.Length == 0)
            return (null, new MessageError(ErrorCodes.NotWellFormed, "The message is empty.", "/"));
        if (bytes.Length > limits.MaxBytes)
            return (null, new MessageError(ErrorCodes.TooLarge, $"The message has {bytes.Length} bytes; the limit is {limits.MaxBytes}.", "/"));
        var span = bytes.Span;
        if (Utf8Only.Problem(span) is { } notUtf8)
            return (null, new MessageError(ErrorCodes.NotWellFormed, notUtf8, "/"));

        try
        {
            var limitError = Scan(bytes, limits);
            if (limitError is not null)
                return (null, limitError);
            using var reader = XmlReader.Create(new MemoryStream(bytes.ToArray(), writable: false), ReaderSettings(limits));
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return (document, null);
        }
        catch (XmlException e)
        {
            var code = ContainsDoctype(span) ? ErrorCodes.DtdProhibited : ErrorCodes.NotWellFormed;
            var reason = code == ErrorCodes.DtdProhibited
                ? "Document type definitions (DOCTYPE, entities) are not accepted."
                : $"The message is not well-formed XML: {e.Message}";
            return (null, new MessageError(code, reason, "/", Line: e.LineNumber, Position: e.LinePosition));
        }
    }

    /// <summary>Streaming pass: the cheapest place to stop deep nesting, element floods and huge values.</summary>
    private static MessageError? Scan(ReadOnlyMemory<byte> bytes, XmlLimits limits)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes.ToArray(), writable: false), ReaderSettings(limits));
        var info = (IXmlLineInfo)reader;
        var elements = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (++elements > limits.MaxElements)
                        return new MessageError(ErrorCodes.TooManyElements, $"More than {limits.MaxElements} elements.", "/", Line: info.LineNumber, Position: info.LinePosition);
                    if (reader.Depth >= limits.MaxDepth)
                        return new MessageError(ErrorCodes.TooDeep, $"Elements nested deeper than {limits.MaxDepth} levels.", "/", Line: info.LineNumber, Position: info.LinePosition);
                    while (reader.MoveToNextAttribute())
                    {
                        if (reader.Value.Length > limits.MaxValueLength)
                            return new MessageError(ErrorCodes.ValueTooLong, $"Attribute '{reader.Name}' is longer than {limits.MaxValueLength} characters.", "/", Line: info.LineNumber, Position: info.LinePosition);
                    }
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Comment:
                    if (reader.Value.Length > limits.MaxValueLength)
                        return new MessageError(ErrorCodes.ValueTooLong, $"A value is longer than {limits.MaxValueLength} characters.", "/", Line: info.LineNumber, Position: info.LinePosition);
                    break;
            }
        }
        return null;
    }

    private static bool ContainsDoctype(ReadOnlySpan<byte> bytes) => bytes.IndexOf("<!DOCTYPE"u8) >= 0;
}
