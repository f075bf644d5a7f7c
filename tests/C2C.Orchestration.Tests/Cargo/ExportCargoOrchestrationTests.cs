using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Tests.Transit;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.Cargo;

/// <summary>The export side of SASEC (Tuticorin, IN) as orchestrations: pre-arrival data forwarded, acknowledged by Malé.</summary>
public sealed class ExportCargoOrchestrationTests : IAsyncLifetime
{
    private readonly Consignments _voyage = new();
    private OrchestratorHost _node = null!;

    public async Task InitializeAsync() => _node = await OrchestratorHost.StartAsync("IN");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Pre_arrival_data_is_forwarded_to_the_import_country_acknowledged_once_and_the_orchestration_ends()
    {
        var consignment = Consignments.NewReference();
        var data = Consignments.Deliver(consignment, _voyage.PreArrival(consignment), MessageOrigin.Local);
        var ack = Consignments.Deliver(consignment, _voyage.Ack(consignment), MessageOrigin.Partner);
        await _node.StartAsync(data);
        await _node.DeliverAsync(ack);
        // The partner's node delivers its acknowledgement again (it was not confirmed in time): taken once.
        await _node.DeliverAsync(ack);

        var done = await _node.CompletionAsync(MovementInstances.Cargo(consignment));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"Acknowledged\"", done.SerializedOutput);
        var steps = _node.Effects.StepsOf(consignment);
        Assert.Equal([data.MessageId, ack.MessageId], steps.Select(s => s.TriggerId));
        Assert.Equal(["Sent", "Acknowledged"], steps.Select(s => s.Decision.Status.Name));
        Assert.Equal([$"Pre-arrival data for {consignment} sent to MVMLE001", "Acknowledged by MVMLE001: ACCEPTED_WITH_FLAGS"], steps.Select(s => s.Decision.History));
        Assert.All(steps, s => Assert.Equal("Cargo", s.Decision.Attributes["Family"]));
        Assert.All(steps, s => Assert.Equal(_voyage.Voyage, s.Decision.Attributes["Voyage"]));
        Assert.Contains("HS-0306", steps[1].Decision.StateJson);
        // The original PA001 goes to Malé under its own id; nothing else leaves.
        var forwarded = Assert.Single(_node.Effects.Published);
        Assert.Equal((data.MessageId, "PA001", "MV"), (forwarded.MessageId, forwarded.MessageType, forwarded.DestinationCountry));
    }

    [Fact]
    public async Task An_acknowledgement_for_no_consignment_here_is_refused_at_once_and_a_later_one_opens_an_ended_record_again()
    {
        var unknown = Consignments.NewReference();
        var stray = Consignments.Deliver(unknown, _voyage.Ack(unknown), MessageOrigin.Partner);
        await _node.StartAsync(stray);
        // Cargo holds nothing: a PA002 follows a PA001 this node recorded before sending it, so none can come early.
        Assert.Equal("\"Recorded\"", (await _node.CompletionAsync(MovementInstances.Cargo(unknown))).SerializedOutput);
        var refused = Assert.Single(_node.Effects.StepsOf(unknown));
        Assert.Equal($"refused-{stray.MessageId}", refused.TriggerId);
        Assert.Equal(ErrorCodes.UnknownMrn, Assert.Single(_node.Effects.Refusals).Error.Code);

        var consignment = Consignments.NewReference();
        await _node.StartAsync(Consignments.Deliver(consignment, _voyage.PreArrival(consignment), MessageOrigin.Local));
        await _node.DeliverAsync(Consignments.Deliver(consignment, _voyage.Ack(consignment), MessageOrigin.Partner));
        await _node.CompletionAsync(MovementInstances.Cargo(consignment));
        // Malé acknowledges again after the record's orchestration ended: it starts again from the record's state.
        var later = Consignments.Deliver(consignment, _voyage.Ack(consignment), MessageOrigin.Partner);
        await _node.HandOverAsync(later);

        Assert.Equal("\"Acknowledged\"", (await _node.CompletionAsync(MovementInstances.Cargo(consignment))).SerializedOutput);
        Assert.Equal(later.MessageId, _node.Effects.StepsOf(consignment)[^1].TriggerId);
        Assert.Equal(["Sent", "Acknowledged", "Acknowledged"], _node.Effects.StepsOf(consignment).Select(s => s.Decision.Status.Name));
    }
}
