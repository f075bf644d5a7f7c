using System.Diagnostics;

namespace C2C.Core.Exchange;

/// <summary>
/// W3C trace context across the border: a flow started by an office's HTTP post keeps one trace id through every
/// record it causes at every node (traceparent/tracestate travel as message properties). Spans come from the
/// exchange's ActivitySource when something listens, else are created directly, so the context propagates even when
/// no telemetry listener is attached.
/// </summary>
public static class TraceContext
{
    /// <summary>The current W3C traceparent, if any.</summary>
    public static string? TraceParent => Activity.Current is { IdFormat: ActivityIdFormat.W3C } a ? a.Id : null;

    /// <summary>Starts an activity for work that has none yet (a timer, a test host); null when one is running.</summary>
    public static Activity? StartIfNone(string operation) => Activity.Current is null ? new Activity(operation).Start() : null;

    /// <summary>Continues the sender's trace for a delivery from a partner node (a new trace if it carried none or a malformed one).</summary>
    public static Activity ContinueFrom(string operation, string? traceParent, string? traceState) =>
        Telemetry.ExchangeTelemetry.Continue(operation, ActivityKind.Consumer, traceParent, traceState);
}
