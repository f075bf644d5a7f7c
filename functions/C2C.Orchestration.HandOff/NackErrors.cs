using System.Xml.Linq;
using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Orchestration.HandOff;

/// <summary>The errors of a NACK this node composed (the one a movement refused a message with), read back for the caller.</summary>
public static class NackErrors
{
    public static IReadOnlyList<MessageError> Read(byte[] nack)
    {
        using var stream = new MemoryStream(nack);
        var root = XDocument.Load(stream).Root!;
        XName Name(string local) => ParsedMessage.Ns + local;
        return root.Elements(Name("FunctionalError"))
            .Select(e => new MessageError((string?)e.Element(Name("ErrorCode")) ?? "", (string?)e.Element(Name("ErrorReason")) ?? "", (string?)e.Element(Name("ErrorPointer")) ?? "",
                (string?)e.Element(Name("OriginalAttributeValue"))))
            .ToList();
    }
}
