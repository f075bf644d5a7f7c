using C2C.Orchestration.Activities;
using Xunit;

namespace C2C.Orchestration.Tests.Activities;

/// <summary>The hint that wakes an ingest waiting for its movement's acknowledgement.</summary>
public sealed class RecordedStepsTests
{
    [Fact]
    public void A_step_wakes_those_waiting_for_its_movement_and_no_one_else()
    {
        var steps = new RecordedSteps();
        var first = steps.NextAsync("26TG0000000000001");
        var same = steps.NextAsync("26TG0000000000001");
        var other = steps.NextAsync("26TG0000000000002");

        steps.Recorded("26TG0000000000001");

        Assert.True(first.IsCompletedSuccessfully);
        Assert.Same(first, same);
        Assert.False(other.IsCompleted);
    }

    [Fact]
    public void A_wait_taken_after_a_step_waits_for_the_next_one()
    {
        var steps = new RecordedSteps();
        steps.Recorded("26TG0000000000001"); // nobody waiting: nothing kept
        var next = steps.NextAsync("26TG0000000000001");
        Assert.False(next.IsCompleted);
        steps.Recorded("26TG0000000000001");
        Assert.True(next.IsCompletedSuccessfully);
    }
}
