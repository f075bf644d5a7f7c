using C2C.Core.Cargo;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Tests.Transit;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.Cargo;

/// <summary>
/// The import side of SASEC (Malé, MV) as orchestrations: pre-arrival data targeted and acknowledged; a vessel's
/// arrival report delivered by the voyage's orchestration to each consignment's, recorded there once.
/// </summary>
public sealed class ImportCargoOrchestrationTests : IAsyncLifetime
{
    private readonly Consignments _voyage = new();
    private OrchestratorHost _node = null!;

    public async Task InitializeAsync() => _node = await OrchestratorHost.StartAsync("MV");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task The_vessel_s_arrival_matches_the_announced_consignment_and_flags_the_one_without_pre_arrival_data()
    {
        var (announced, unannounced) = (Consignments.NewReference(), Consignments.NewReference());
        var data = Consignments.Deliver(announced, _voyage.PreArrival(announced), MessageOrigin.Partner);
        await _node.StartAsync(data);
        await _node.Effects.WaitUntilAsync(e => e.HasRecorded(announced, data.MessageId), "the pre-arrival data");
        var report = Consignments.Deliver(_voyage.Voyage, _voyage.ArrivalReport(announced, unannounced), MessageOrigin.Local);
        await _node.StartAsync(report);

        Assert.Equal("\"VesselArrived\"", (await _node.CompletionAsync(MovementInstances.Cargo(_voyage.Voyage))).SerializedOutput);
        Assert.Equal("\"Arrived\"", (await _node.CompletionAsync(MovementInstances.Cargo(announced))).SerializedOutput);
        Assert.Equal("\"ArrivedWithoutPreArrival\"", (await _node.CompletionAsync(MovementInstances.Cargo(unannounced))).SerializedOutput);

        var targeted = Assert.Single(_node.Effects.StepsOf(announced), s => s.TriggerId == data.MessageId);
        Assert.Equal(("Announced", "Pre-arrival data from INTUT001, vessel due 2026-11-26 06:00Z; 1 risk flag(s)"), (targeted.Decision.Status.Name, targeted.Decision.History));
        var acknowledgement = Assert.Single(_node.Effects.Published);
        Assert.Equal(("PA002", "IN", data.MessageId), (acknowledgement.MessageType, acknowledgement.DestinationCountry, acknowledgement.CorrelationId));
        var voyage = Assert.Single(_node.Effects.StepsOf(_voyage.Voyage));
        Assert.Equal(("PA003", "VesselArrived", $"Vessel of voyage {_voyage.Voyage} arrived at MVMLE on 2026-11-26 06:35Z with 2 consignment(s)"),
            (voyage.TriggerType, voyage.Decision.Status.Name, voyage.Decision.History));
        var matched = ArrivalOf(announced, report.MessageId);
        Assert.Equal(("Arrived", $"Arrived on voyage {_voyage.Voyage}: matches the pre-arrival data (1 risk flag(s) to check)"), (matched.Decision.Status.Name, matched.Decision.History));
        var flagged = ArrivalOf(unannounced, report.MessageId);
        Assert.Equal(("ArrivedWithoutPreArrival", $"Arrived on voyage {_voyage.Voyage} without pre-arrival data: alert"), (flagged.Decision.Status.Name, flagged.Decision.History));
        Assert.Contains("NO-PRE-ARRIVAL", flagged.Decision.StateJson);
        Assert.Equal(_voyage.Voyage, flagged.Decision.Attributes["Voyage"]);
    }

    [Fact]
    public async Task An_arrival_lost_on_its_way_is_delivered_again_until_the_consignment_recorded_it_once()
    {
        var consignment = Consignments.NewReference();
        await _node.StartAsync(Consignments.Deliver(consignment, _voyage.PreArrival(consignment), MessageOrigin.Partner));
        // The first two deliveries are lost, as the provider loses an event raised before an instance's start is processed.
        _node.LoseDeliveries(consignment, 2);
        var report = Consignments.Deliver(_voyage.Voyage, _voyage.ArrivalReport(consignment), MessageOrigin.Local);
        await _node.StartAsync(report);

        Assert.Equal("\"VesselArrived\"", (await _node.CompletionAsync(MovementInstances.Cargo(_voyage.Voyage))).SerializedOutput);
        Assert.Equal("\"Arrived\"", (await _node.CompletionAsync(MovementInstances.Cargo(consignment))).SerializedOutput);
        Assert.Equal(3, _node.Effects.Deliveries.Count(d => d.MovementReference == consignment));
        Assert.Equal("Arrived", ArrivalOf(consignment, report.MessageId).Decision.Status.Name);
    }

    [Fact]
    public async Task A_consignment_reported_on_a_second_voyage_keeps_its_first_match_and_the_report_is_in_its_history()
    {
        var consignment = Consignments.NewReference();
        var first = Consignments.Deliver(_voyage.Voyage, _voyage.ArrivalReport(consignment), MessageOrigin.Local);
        await _node.StartAsync(first);
        Assert.Equal("\"ArrivedWithoutPreArrival\"", (await _node.CompletionAsync(MovementInstances.Cargo(consignment))).SerializedOutput);

        // Another vessel reports it too, after the consignment's orchestration ended: opened again from its record.
        var other = new Consignments();
        var second = Consignments.Deliver(other.Voyage, other.ArrivalReport(consignment), MessageOrigin.Local);
        await _node.HandOverAsync(second);

        Assert.Equal("\"VesselArrived\"", (await _node.CompletionAsync(MovementInstances.Cargo(other.Voyage))).SerializedOutput);
        var again = ArrivalOf(consignment, second.MessageId);
        Assert.False(again.Decision.Persist);
        Assert.Equal($"Reported on voyage {other.Voyage} too: already ArrivedWithoutPreArrival, nothing changes", again.Decision.History);
        Assert.Equal(2, _node.Effects.StepsOf(consignment).Count);
    }

    [Fact]
    public async Task Messages_that_do_not_fit_the_record_are_refused_at_once_with_their_NACK()
    {
        var consignment = Consignments.NewReference();
        await _node.StartAsync(Consignments.Deliver(consignment, _voyage.PreArrival(consignment), MessageOrigin.Partner));
        // An acknowledgement sent to the import side, and a second arrival report of the same voyage.
        var ack = Consignments.Deliver(consignment, _voyage.Ack(consignment), MessageOrigin.Partner);
        await _node.DeliverAsync(ack);
        var report = Consignments.Deliver(_voyage.Voyage, _voyage.ArrivalReport(consignment), MessageOrigin.Local);
        await _node.StartAsync(report);
        await _node.CompletionAsync(MovementInstances.Cargo(consignment));
        await _node.CompletionAsync(MovementInstances.Cargo(_voyage.Voyage));
        var again = Consignments.Deliver(_voyage.Voyage, _voyage.ArrivalReport(consignment), MessageOrigin.Local);
        await _node.HandOverAsync(again);
        await _node.CompletionAsync(MovementInstances.Cargo(_voyage.Voyage));

        Assert.Equal([ErrorCodes.OutOfSequence, ErrorCodes.OutOfSequence], _node.Effects.Refusals.Select(r => r.Error.Code));
        Assert.Equal([ack.MessageId, again.MessageId], _node.Effects.Refusals.Select(r => r.Message.MessageId));
        Assert.Contains(_node.Effects.StepsOf(consignment), s => s.TriggerId == $"refused-{ack.MessageId}" && s.Decision.History.StartsWith($"PA002 refused ({ErrorCodes.OutOfSequence})", StringComparison.Ordinal));
        Assert.Equal("Arrived", _node.Effects.StepsOf(consignment)[^1].Decision.Status.Name);
    }

    private MovementStep ArrivalOf(string consignment, string reportId)
    {
        var step = Assert.Single(_node.Effects.StepsOf(consignment), s => s.TriggerId == ConsignmentArrived.IdFor(reportId, consignment));
        Assert.Equal(ConsignmentArrived.EventType, step.TriggerType);
        Assert.Null(step.Inbound);
        return step;
    }
}
