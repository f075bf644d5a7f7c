using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;
using Microsoft.DurableTask;

namespace C2C.Orchestration;

/// <summary>What a movement's orchestration waits for besides messages, and when its life is over (pure, replayed).</summary>
internal interface IMovementJourney
{
    /// <summary>The earliest thing to wake up for, or null when only a message can move the journey on.</summary>
    Wake? NextWake();

    bool IsOver(DateTimeOffset now);

    /// <summary>What operations see while it waits (the orchestration's custom status).</summary>
    MovementProgress Progress();
}
