using System.Reflection;
using System.Xml;
using System.Xml.Schema;
using C2C.Core.Messages;

namespace C2C.Core.Xml;

/// <summary>
/// The compiled XSDs of schemas/ (embedded in this assembly, so a node needs no file paths). Compiled once;
/// a compiled XmlSchemaSet is safe for concurrent validation.
/// </summary>
public static class MessageSchemas
{
    private const string Prefix = "schemas/";
    private static readonly Lazy<XmlSchemaSet> Compiled = new(Compile);

    public static XmlSchemaSet Set => Compiled.Value;

    /// <summary>Names of the embedded XSD files (e.g. "IE015-TransitDeclaration.xsd").</summary>
    public static IEnumerable<string> FileNames =>
        typeof(MessageSchemas).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..]);

    public static Stream Open(string fileName) =>
        typeof(MessageSchemas).Assembly.GetManifestResourceStream(Prefix + fileName)
        ?? throw new FileNotFoundException($"schema {fileName} is not embedded");

    private static XmlSchemaSet Compile()
    {
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedResolver() };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var kind in MessageCatalog.All)
        {
            var fileName = $"{kind.Code}-{kind.RootElement}.xsd";
            using var reader = XmlReader.Create(Open(fileName), settings, new Uri(EmbeddedResolver.BaseUri, fileName).AbsoluteUri);
            set.Add(MessageCatalog.Namespace, reader);
        }
        set.Compile();
        return set;
    }

    /// <summary>Resolves xs:include only to embedded files: schema compilation never touches disk or network.</summary>
    private sealed class EmbeddedResolver : XmlResolver
    {
        public static readonly Uri BaseUri = new("embedded:///schemas/");

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (absoluteUri.Scheme != BaseUri.Scheme)
                throw new XmlException($"schema reference outside the embedded set refused: {absoluteUri}");
            return Open(Path.GetFileName(absoluteUri.AbsolutePath));
        }
    }
}
