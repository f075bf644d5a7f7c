using System.Xml.Linq;

namespace C2C.Core.Messages;

/// <summary>A message that passed every structural and business check: what the rest of the node works with.</summary>
public sealed class ParsedMessage
{
    public static readonly XNamespace Ns = MessageCatalog.Namespace;

    public required MessageKind Kind { get; init; }

    public required MessageHeader Header { get; init; }

    /// <summary>MRN for transit messages, consignment or voyage reference for cargo messages; null for a NACK without MRN.</summary>
    public required string? MovementReference { get; init; }

    public required XDocument Document { get; init; }

    /// <summary>The bytes exactly as received: these are archived, hashed and signed, never the re-serialised tree.</summary>
    public required ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Raw"/>.</summary>
    public required string Sha256 { get; init; }

    public XElement Root => Document.Root!;

    /// <summary>Text of the element at a path of local names below the root, e.g. Value("Declaration", "TimeLimit").</summary>
    public string? Value(params string[] path) => Find(path)?.Value;

    public XElement? Find(params string[] path)
    {
        var element = Root;
        foreach (var name in path)
        {
            element = element.Element(Ns + name);
            if (element is null)
                return null;
        }
        return element;
    }
}
