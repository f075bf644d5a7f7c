using C2C.Core.Transit;
using C2C.Core.Validation;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>The office of departure's movement (Lomé, TG) as an orchestration: messages, durable timers, holds.</summary>
public sealed class DepartureOrchestrationTests : IAsyncLifetime
{
    private OrchestratorHost _node = null!;

    public async Task InitializeAsync() => _node = await OrchestratorHost.StartAsync("TG");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_released_movement_sends_its_records_is_written_off_and_its_orchestration_ends()
    {
        var movement = Movements.New();
        await _node.StartAsync(movement, movement.Released());
        await _node.DeliverAsync(movement, movement.Passage(MessageOrigin.Partner));
        await _node.DeliverAsync(movement, movement.Arrival(MessageOrigin.Partner));
        await _node.DeliverAsync(movement, movement.Results(MessageOrigin.Partner));

        var done = await _node.CompletionAsync(movement);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"WrittenOff\"", done.SerializedOutput);
        var effects = _node.Effects;
        Assert.Equal(["IE015", "IE118", "IE006", "IE018"], effects.Steps.Select(s => s.TriggerType));
        Assert.Equal(["Released", "InTransit", "Arrived", "WrittenOff"], effects.Steps.Select(s => s.Decision.Status.Name));
        // The records to the partner's offices go out with the release, the write-off notices with the results; none to TG's own offices.
        Assert.Equal(["IE050", "IE001"], effects.Published.Take(2).Select(p => p.MessageType));
        Assert.All(effects.Published.Skip(2), p => Assert.Equal("IE045", p.MessageType));
        Assert.NotEmpty(effects.Published.Skip(2));
        Assert.All(effects.Published, p => Assert.Equal("BF", p.DestinationCountry));
    }

    [Fact]
    public async Task Control_results_that_do_not_come_in_time_bring_the_enquiry_and_an_unanswered_enquiry_the_recovery()
    {
        var movement = Movements.New();
        await _node.StartAsync(movement, movement.Released());
        await _node.DeliverAsync(movement, movement.Arrival(MessageOrigin.Partner));

        await _node.Effects.WaitUntilAsync(e => e.Steps.Any(s => s.Decision.Status.Name == "EnquiryUnresolved"), "the enquiry answer's deadline");

        var timers = _node.Effects.Steps.Where(s => s.TriggerType == "TIMER").ToList();
        Assert.Equal(["UnderEnquiry", "EnquiryUnresolved"], timers.Select(s => s.Decision.Status.Name));
        Assert.StartsWith($"timer-{DeadlineKinds.ControlResults}-", timers[0].TriggerId);
        Assert.Equal("IE142", _node.Effects.Published[^1].MessageType);
        // The enquiry answer's deadline follows the enquiry, not the arrival: the enquiry went out before it fired.
        Assert.True(timers[1].AppliedAt >= timers[0].AppliedAt + OrchestratorHost.ShortPolicy.EnquiryAnswerWithin - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_time_limit_already_past_makes_the_movement_overdue_at_once_and_then_sends_the_enquiry()
    {
        var movement = new Movements(C2C.Testing.Samples.NewMrn())
        {
            Facts = Movements.New().Facts with { TimeLimit = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)) },
        };
        await _node.StartAsync(movement, movement.Released());

        await _node.Effects.WaitUntilAsync(e => e.Steps.Any(s => s.Decision.Status.Name == "UnderEnquiry"), "the enquiry after the time limit");

        Assert.Equal(["Released", "Overdue", "UnderEnquiry"], _node.Effects.Steps.Take(3).Select(s => s.Decision.Status.Name));
        Assert.StartsWith($"timer-{DeadlineKinds.TimeLimit}-", _node.Effects.Steps[1].TriggerId);
        Assert.Equal("IE142", _node.Effects.Published[^1].MessageType);
    }

    [Fact]
    public async Task Results_that_come_before_the_arrival_are_held_and_applied_right_after_it()
    {
        var movement = Movements.New();
        await _node.StartAsync(movement, movement.Released());
        var results = movement.Results(MessageOrigin.Partner);
        var arrival = movement.Arrival(MessageOrigin.Partner);
        await _node.DeliverAsync(movement, results);
        await _node.Effects.WaitUntilAsync(e => e.Steps.Any(s => s.TriggerId == $"held-{results.MessageId}"), "the hold");
        await _node.DeliverAsync(movement, arrival);

        var done = await _node.CompletionAsync(movement);

        Assert.Equal("\"WrittenOff\"", done.SerializedOutput);
        Assert.Equal(["IE015", $"held-{results.MessageId}", arrival.MessageId, results.MessageId],
            _node.Effects.Steps.Select(s => s.TriggerType == "IE015" ? "IE015" : s.TriggerId));
        Assert.False(_node.Effects.Steps[1].Decision.Persist); // a hold changes no state
        Assert.Empty(_node.Effects.Refusals);
    }

    [Fact]
    public async Task A_held_message_whose_predecessor_never_comes_gets_its_nack_when_the_hold_ends()
    {
        var movement = Movements.New();
        await _node.StartAsync(movement, movement.Released());
        var results = movement.Results(MessageOrigin.Partner);
        await _node.DeliverAsync(movement, results);

        await _node.Effects.WaitUntilAsync(e => e.Refusals.Count > 0, "the NACK at the end of the hold");

        var refusal = Assert.Single(_node.Effects.Refusals);
        Assert.Equal(results.MessageId, refusal.Message.MessageId);
        Assert.Equal(ErrorCodes.OutOfSequence, refusal.Error.Code);
        Assert.Equal(["IE015", $"held-{results.MessageId}", $"holdend-{results.MessageId}"], _node.Effects.Steps.Select(s => s.TriggerType == "IE015" ? "IE015" : s.TriggerId));
        Assert.True(refusal.At - _node.Effects.Steps[1].AppliedAt >= OrchestratorHost.ShortPolicy.HoldEarlyMessagesFor - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_message_handed_over_twice_is_recorded_once()
    {
        var movement = Movements.New();
        await _node.StartAsync(movement, movement.Released());
        var passage = movement.Passage(MessageOrigin.Partner);
        var arrival = movement.Arrival(MessageOrigin.Partner);
        await _node.DeliverAsync(movement, passage);
        await _node.DeliverAsync(movement, passage);
        await _node.DeliverAsync(movement, arrival);

        await _node.Effects.WaitUntilAsync(e => e.Steps.Any(s => s.TriggerId == arrival.MessageId), "the arrival after the repeated passage");

        Assert.Single(_node.Effects.Steps, s => s.TriggerId == passage.MessageId);
        Assert.Empty(_node.Effects.Refusals);
    }

    [Fact]
    public async Task A_message_that_can_never_fit_is_refused_at_once()
    {
        var movement = Movements.New();
        await _node.StartAsync(movement, movement.Released());
        var again = movement.Released() with { Origin = MessageOrigin.Partner };
        await _node.DeliverAsync(movement, again);

        await _node.Effects.WaitUntilAsync(e => e.Refusals.Count > 0, "the refusal of a second release");

        Assert.Equal(ErrorCodes.DuplicateMrn, Assert.Single(_node.Effects.Refusals).Error.Code);
        // In the history as refused, changing nothing: the ingest's proof that the movement had it.
        var refused = Assert.Single(_node.Effects.Steps, s => s.TriggerId.EndsWith(again.MessageId, StringComparison.Ordinal));
        Assert.Equal($"refused-{again.MessageId}", refused.TriggerId);
        Assert.False(refused.Decision.Persist);
    }
}
