using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Telemetry;
using static C2C.Core.Transit.TransitStatus;

namespace C2C.Orchestration.Activities;

/// <summary>
/// The corridor's metrics from a committed step: a movement entering a status, and at departure the corridor's own KPI,
/// the time from release (the first step that left it Released) to the first border passage, the arrival and
/// the write-off. Recorded after the commit, once per step (a second run finds the step recorded and records nothing).
/// </summary>
internal static class MovementTelemetry
{
    public static async Task CommittedAsync(IMovementIndex index, MovementStep step, MovementStatus? before, MovementStatus after, CancellationToken cancellationToken)
    {
        if (before == after)
            return;
        ExchangeTelemetry.MovementTransitions.Add(1, new KeyValuePair<string, object?>("status", after.Name));
        var histogram = (after.Transit, before?.Transit) switch
        {
            (InTransit, Released) => ExchangeTelemetry.ReleaseToBorderPassage,
            (Arrived, Released or InTransit or Overdue) => ExchangeTelemetry.ReleaseToArrival,
            (WrittenOff, _) => ExchangeTelemetry.ReleaseToWriteOff,
            _ => null,
        };
        if (histogram is null)
            return;
        var history = await index.HistoryAsync(step.Mrn, cancellationToken);
        // Release is the first step that left the movement Released: the IE015 released at once, or the IE029 after acceptance.
        if (history.FirstOrDefault(e => e.StatusAfter.Is(Released)) is { } released)
            histogram.Record(Math.Max(0, (step.AppliedAt - released.AppliedAt).TotalSeconds));
    }
}
