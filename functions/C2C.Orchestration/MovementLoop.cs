using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;
using Microsoft.DurableTask;

namespace C2C.Orchestration;

/// <summary>The life of a movement's orchestration after its first message: the next message or the next wake-up, until it is over.</summary>
internal static class MovementLoop
{
    public static async Task RunAsync(TaskOrchestrationContext context, IMovementJourney journey, Func<MovementMessage, Task> receive, Func<Wake, Task> wake)
    {
        // One standing wait for the next message, never cancelled: a cancelled waiter would still take the next event.
        var nextMessage = context.WaitForExternalEvent<MovementMessage>(MovementInstances.MessageEvent);
        while (!journey.IsOver(Now(context)))
        {
            context.SetCustomStatus(journey.Progress());
            if (journey.NextWake() is not { } next)
            {
                await receive(await nextMessage);
                nextMessage = context.WaitForExternalEvent<MovementMessage>(MovementInstances.MessageEvent);
                continue;
            }
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(next.At.UtcDateTime, timerCancellation.Token);
            if (await Task.WhenAny(nextMessage, timer) == nextMessage)
            {
                // Cancel, not CancelAsync: an orchestrator must not leave its own thread (the work item would end without it).
                timerCancellation.Cancel();
                await receive(await nextMessage);
                nextMessage = context.WaitForExternalEvent<MovementMessage>(MovementInstances.MessageEvent);
            }
            else
            {
                await wake(next);
            }
        }
        context.SetCustomStatus(journey.Progress());
    }

    public static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
