using System.Text;

namespace C2C.Testing.Telemetry;

/// <summary>One trace's spans as an indented tree (children by start time), each with its node: what a newcomer reads to see the journey.</summary>
public static class TraceTree
{
    public static string Render(IEnumerable<ReceivedSpan> spans, string traceId)
    {
        var trace = spans.Where(s => s.TraceId == traceId).DistinctBy(s => s.SpanId).ToList();
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        var children = trace.ToLookup(s => s.ParentSpanId is { } p && ids.Contains(p) ? p : null);
        var text = new StringBuilder($"trace {traceId}\n");
        void Write(ReceivedSpan span, int depth)
        {
            text.Append(' ', depth * 2).Append(span.Name).Append("  [").Append(span.Service).Append(']').Append('\n');
            foreach (var child in children[span.SpanId].OrderBy(c => c.StartUnixNano))
                Write(child, depth + 1);
        }
        foreach (var root in children[null].OrderBy(c => c.StartUnixNano))
            Write(root, 1);
        return text.ToString();
    }

    /// <summary>The span and its ancestors among <paramref name="spans"/>, nearest first.</summary>
    public static IEnumerable<ReceivedSpan> Ancestors(IReadOnlyList<ReceivedSpan> spans, ReceivedSpan span)
    {
        var byId = spans.DistinctBy(s => s.SpanId).ToDictionary(s => s.SpanId);
        for (var current = span; current.ParentSpanId is { } parent && byId.TryGetValue(parent, out var next); current = next)
            yield return next;
    }
}
