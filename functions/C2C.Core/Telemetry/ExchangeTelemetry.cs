using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace C2C.Core.Telemetry;

/// <summary>
/// The exchange's own spans and metrics, the same names on every node (BCL <see cref="ActivitySource"/> and
/// <see cref="Meter"/>: the core stays free of any telemetry SDK; the node's composition root decides where they go,
/// OTLP or Azure Monitor, or nowhere). Span names: c2c.ingest, c2c.receive, c2c.signature.verify, c2c.xml.validate,
/// c2c.decision, c2c.archive, c2c.index, c2c.publish (docs/observability.md).
/// </summary>
public static class ExchangeTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "C2C.Exchange";

    public static readonly ActivitySource Source = new(Name, "1.0");

    public static readonly Meter Meter = new(Name, "1.0");

    /// <summary>Messages that reached this node, by channel (http, broker, replay), message type and result.</summary>
    public static readonly Counter<long> MessagesIn = Meter.CreateCounter<long>("c2c.messages.in", "{message}", "Messages received, by channel, type and result");

    /// <summary>Messages published to a partner's topic (after the broker confirmed), by type and destination.</summary>
    public static readonly Counter<long> MessagesOut = Meter.CreateCounter<long>("c2c.messages.out", "{message}", "Messages published to partners, by type, destination and result");

    public static readonly Counter<long> Nacks = Meter.CreateCounter<long>("c2c.nacks", "{message}", "NACKs answered (IE906 / IE917), by first error code");

    /// <summary>One NACK answered, by its type and first error code (over HTTP, across the border, or from a movement).</summary>
    public static void CountNack(Validation.Rejection rejection) =>
        Nacks.Add(1, new("type", rejection.NackKind.Code), new("code", rejection.FirstCode));

    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("c2c.deadletters", "{message}", "Partner deliveries dead-lettered, by reason");

    /// <summary>Movements entering a status (so Overdue and UnderEnquiry count what became overdue or went under enquiry).</summary>
    public static readonly Counter<long> MovementTransitions = Meter.CreateCounter<long>("c2c.movements.transitions", "{movement}", "Movements entering a status, by status");

    public static readonly Histogram<double> ReleaseToBorderPassage = Meter.CreateHistogram<double>("c2c.corridor.release_to_border_passage", "s", "From release at departure to the first border passage reported");

    public static readonly Histogram<double> ReleaseToArrival = Meter.CreateHistogram<double>("c2c.corridor.release_to_arrival", "s", "From release at departure to the arrival at destination");

    public static readonly Histogram<double> ReleaseToWriteOff = Meter.CreateHistogram<double>("c2c.corridor.release_to_write_off", "s", "From release at departure to the write-off");

    public static readonly Histogram<double> StorageDuration = Meter.CreateHistogram<double>("c2c.storage.duration", "s", "Storage calls (archive, index), by operation and outcome");

    public static readonly Histogram<double> BrokerDuration = Meter.CreateHistogram<double>("c2c.broker.duration", "s", "Broker calls (publish, dead-letter queue), by operation and outcome");

    public static readonly Counter<long> DeadLetterOperations = Meter.CreateCounter<long>("c2c.deadletters.operations", "{message}", "Dead-lettered deliveries replayed or purged by operations, by action and result");

    /// <summary>A child span of the current one when something listens; null otherwise (nothing to propagate for an inner step).</summary>
    public static Activity? Span(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);

    /// <summary>
    /// A span continuing a carried W3C context (a partner's delivery, a movement's step). Created even when nobody
    /// listens, so the context still propagates into what it causes (<see cref="Exchange.TraceContext"/>).
    /// </summary>
    public static Activity Continue(string name, ActivityKind kind, string? traceParent, string? traceState = null)
    {
        ActivityContext parent = default;
        var hasParent = traceParent is not null && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out parent);
        var activity = hasParent ? Source.StartActivity(name, kind, parent) : Source.StartActivity(name, kind, default(ActivityContext));
        if (activity is not null)
            return activity;
        activity = new Activity(name);
        if (hasParent)
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
            activity.TraceStateString = parent.TraceState;
        }
        return activity.Start();
    }

    /// <summary>Times a storage or broker call into <paramref name="histogram"/> with its operation and outcome (ok / failed).</summary>
    public static async Task<T> TimeAsync<T>(Histogram<double> histogram, string operation, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await call();
            outcome = "ok";
            return result;
        }
        finally
        {
            histogram.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new("operation", operation), new("outcome", outcome));
        }
    }

    public static async Task TimeAsync(Histogram<double> histogram, string operation, Func<Task> call) =>
        await TimeAsync(histogram, operation, async () => { await call(); return true; });

    /// <summary>Marks a span failed with the exception's type (no message: it may carry partner data).</summary>
    public static void Failed(this Activity? activity, Exception e)
    {
        activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
    }
}
