using System.Text;
using System.Xml;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// Loads a message for signing or verification: no DTD (so no entity expansion, no XXE), no resolver,
/// bounded size, whitespace preserved (a signature covers it).
/// </summary>
internal static class HardenedXml
{
    /// <summary>Upper bound on characters per message; far above any real message, low enough to bound the work.</summary>
    public const long MaxCharacters = 32L * 1024 * 1024;

    /// <exception cref="XmlException">not well-formed, or not UTF-8 (<see cref="Core.Xml.Utf8Only"/>).</exception>
    public static XmlDocument Load(ReadOnlySpan<byte> bytes)
    {
        if (Core.Xml.Utf8Only.Problem(bytes) is { } notUtf8)
            throw new XmlException(notUtf8);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreWhitespace = false,
            IgnoreComments = false,
            IgnoreProcessingInstructions = false,
            CloseInput = true,
        };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(bytes.ToArray(), writable: false), settings);
        document.Load(reader);
        return document;
    }

    /// <summary>Writes the document as UTF-8 (no byte order mark) with an XML declaration, changing no character data.</summary>
    public static byte[] Save(XmlDocument document)
    {
        if (document.FirstChild is XmlDeclaration declaration)
            document.RemoveChild(declaration);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false,
            // Entitize keeps carriage returns and attribute-value line breaks intact through the next parse.
            NewLineHandling = NewLineHandling.Entitize,
            OmitXmlDeclaration = false,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            document.Save(writer);
        return stream.ToArray();
    }
}
