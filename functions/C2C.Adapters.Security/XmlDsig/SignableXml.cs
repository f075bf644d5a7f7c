using System.Text;
using System.Xml;

namespace C2C.Adapters.Security.XmlDsig;

/// <summary>
/// A message as its signature sees it: loaded with the core's hardened reader settings (no DTD, so no entity expansion
/// or XXE; no resolver), but as a DOM keeping whitespace, comments and processing instructions (a signature covers them).
/// </summary>
internal static class SignableXml
{
    /// <summary>Upper bound on characters per message; far above any real message, low enough to bound the work.</summary>
    public const int MaxCharacters = 32 * 1024 * 1024;

    /// <exception cref="XmlException">not well-formed, or not UTF-8 (<see cref="Core.Xml.Utf8Only"/>).</exception>
    public static XmlDocument Load(ReadOnlySpan<byte> bytes)
    {
        if (Core.Xml.Utf8Only.Problem(bytes) is { } notUtf8)
            throw new XmlException(notUtf8);
        var settings = Core.Xml.HardenedXml.ReaderSettings(Core.Xml.XmlLimits.Default with { MaxBytes = MaxCharacters });
        settings.IgnoreWhitespace = false;
        settings.IgnoreComments = false;
        settings.IgnoreProcessingInstructions = false;
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
