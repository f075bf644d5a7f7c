using System.Text;
using System.Xml.Linq;

namespace C2C.Core.Xml;

/// <summary>NCTS-style error pointers: /Root/Child/Item[2]/Leaf (index only where the name repeats among siblings).</summary>
public static class XPathPointer
{
    public static string Of(XObject? node)
    {
        var element = node switch
        {
            XElement e => e,
            XAttribute a => a.Parent,
            _ => node?.Parent,
        };
        if (element is null)
            return "/";
        var segments = new Stack<string>();
        for (var e = element; e is not null; e = e.Parent)
            segments.Push(Segment(e));
        var path = new StringBuilder();
        foreach (var segment in segments)
            path.Append('/').Append(segment);
        if (node is XAttribute attribute)
            path.Append("/@").Append(attribute.Name.LocalName);
        return path.ToString();
    }

    private static string Segment(XElement element)
    {
        var name = element.Name.LocalName;
        if (element.Parent is null)
            return name;
        var same = element.Parent.Elements(element.Name).ToList();
        return same.Count == 1 ? name : $"{name}[{same.IndexOf(element) + 1}]";
    }
}
