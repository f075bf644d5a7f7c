using C2C.Core.Archive;
using C2C.Core.Cargo;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Messages;
using C2C.Testing;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>
/// SASEC pre-arrival cargo data between two nodes on the local durable engine (Azurite) with the real activities:
/// Tuticorin (IN) and Malé (MV), each with its own task hub, archive and index. What one node publishes is handed to
/// the other as its bus consumer would (read from the archive, its signature kept).
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class CargoJourneyTests(LocalStack stack, ITestOutputHelper output)
{
    private static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Pre_arrival_data_is_acknowledged_and_the_vessel_s_arrival_matches_the_announced_consignment_and_flags_the_other()
    {
        await using var india = await EngineUnderTest.InProcessAsync(new EngineSetting(stack, "IN"));
        await using var maldives = await EngineUnderTest.InProcessAsync(new EngineSetting(stack, "MV"));
        var cargo = new CargoSamples();
        var (consignment, unannounced) = (cargo.Consignment, cargo.Other(1));

        var data = cargo.PreArrival();
        Assert.Equal("Sent", StatusIn(await HandOverAsync(india, data)));
        var forwarded = await CourierAsync(india, maldives, consignment, "PA001");
        Assert.Equal(data.MessageId, forwarded.MessageId);
        var acknowledgement = await CourierAsync(maldives, india, consignment, "PA002");
        Assert.Equal("Acknowledged", (await india.Index.GetAsync(consignment, CancellationToken.None))!.Status.Name);
        // Delivered twice to the running orchestration (a bus redelivery racing the first): taken once.
        await india.HandOff(AcknowledgeWithin).DeliverAsync(india.Client, acknowledgement, CancellationToken.None);
        Assert.Equal(HandOffStatus.Applied, (await india.HandOff(AcknowledgeWithin).HandOverAsync(india.Client, acknowledgement, CancellationToken.None)).Status);

        // The vessel arrives at Malé with the announced consignment and one nobody announced.
        var report = cargo.ArrivalReport(consignment, unannounced);
        Assert.Equal("VesselArrived", StatusIn(await HandOverAsync(maldives, report)));
        await Eventually.UntilAsync(async () => (await maldives.Index.GetAsync(consignment, CancellationToken.None))?.Status.Name == "Arrived", $"{consignment} arrived");
        await Eventually.UntilAsync(async () => (await maldives.Index.GetAsync(unannounced, CancellationToken.None))?.Status.Name == "ArrivedWithoutPreArrival", $"{unannounced} flagged");
        // The report handed over again (the office's retry): answered from the index, matched nothing twice.
        Assert.Equal("VesselArrived", StatusIn(await HandOverAsync(maldives, report)));
        foreach (var reference in new[] { cargo.Voyage, consignment, unannounced })
            await EngineClient.CompletionAsync(maldives.Client, MovementInstances.Cargo(reference), TimeSpan.FromSeconds(60));

        var arrived = MovementMessage.Raised(consignment, ArrivalOf(report, consignment));
        var flagged = MovementMessage.Raised(unannounced, ArrivalOf(report, unannounced));
        var exported = await AuditAsync(india, consignment, "Acknowledged", [data, acknowledgement]);
        Assert.Equal(["PA001 Inbound", "PA001 Outbound", "PA002 Inbound"], exported.Select(e => $"{e.MessageType} {e.Direction}"));
        var imported = await AuditAsync(maldives, consignment, "Arrived", [forwarded, arrived]);
        Assert.Equal(["PA001 Inbound", "PA002 Outbound", "ARRIVAL Inbound"], imported.Select(e => $"{e.MessageType} {e.Direction}"));
        Assert.StartsWith($"Arrived on voyage {cargo.Voyage}: matches the pre-arrival data (1 risk flag(s) to check)", imported[^1].History);
        var alert = await AuditAsync(maldives, unannounced, "ArrivedWithoutPreArrival", [flagged]);
        Assert.Equal($"Arrived on voyage {cargo.Voyage} without pre-arrival data: alert", Assert.Single(alert).History);
        Assert.Contains("NO-PRE-ARRIVAL", (await maldives.Index.GetAsync(unannounced, CancellationToken.None))!.StateJson);
        Assert.StartsWith($"Vessel of voyage {cargo.Voyage} arrived at MVMLE on ", Assert.Single(await AuditAsync(maldives, cargo.Voyage, "VesselArrived", [report])).History);
        foreach (var (node, reference) in new[] { (india, consignment), (maldives, consignment), (maldives, unannounced), (maldives, cargo.Voyage) })
        {
            var record = (await node.Index.GetAsync(reference, CancellationToken.None))!;
            Assert.Equal("Cargo", record.Attributes["Family"]);
            Assert.Equal(cargo.Voyage, record.Attributes["Voyage"]);
        }
    }

    /// <summary>
    /// Malé's node is killed (SIGKILL) after it recorded a vessel's arrival report (the office has its receipt), as
    /// soon as the arrival is on its way to the consignments on board (some started, others not yet, events possibly
    /// raised to instances not checkpointed): after the restart the voyage's orchestration goes on delivering, and each
    /// consignment records its arrival exactly once.
    /// </summary>
    [Fact]
    public async Task A_node_killed_right_after_recording_an_arrival_report_matches_every_consignment_on_board_once_after_its_restart()
    {
        const int OnBoard = 20;
        await using var maldives = await EngineUnderTest.ChildAsync(new EngineSetting(stack, "MV"));
        var cargo = new CargoSamples();
        var consignments = Enumerable.Range(1, OnBoard).Select(cargo.Other).ToList();
        var report = cargo.ArrivalReport([.. consignments]);

        // The client's first call is slow (its channel opens): made now, so the watch below starts at once.
        await maldives.Client.GetInstanceAsync(MovementInstances.Cargo(cargo.Voyage));
        Assert.Equal("VesselArrived", StatusIn(await HandOverAsync(maldives, report)));
        // Killed once the voyage began delivering (some consignment's orchestration is scheduled), mid-way at the latest.
        await Eventually.UntilAsync(async () => (await Task.WhenAll(consignments.Select(c => maldives.Client.GetInstanceAsync(MovementInstances.Cargo(c))))).Any(i => i is not null),
            "the arrival on its way to the consignments", poll: TimeSpan.FromMilliseconds(5));
        maldives.Child!.KillHard();
        var startedAtKill = (await Task.WhenAll(consignments.Select(c => maldives.Client.GetInstanceAsync(MovementInstances.Cargo(c))))).Count(i => i is not null);
        var matchedAtKill = 0;
        foreach (var c in consignments)
            matchedAtKill += await maldives.Index.GetAsync(c, CancellationToken.None) is null ? 0 : 1;
        Assert.True(matchedAtKill < OnBoard, "the node was to be killed before every consignment had its arrival");
        await maldives.Child.StartAsync(TimeSpan.FromSeconds(60));

        var done = await EngineClient.CompletionAsync(maldives.Client, MovementInstances.Cargo(cargo.Voyage), TimeSpan.FromSeconds(180));
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}\n{maldives.Child.Output}");
        foreach (var c in consignments)
            Assert.Single(await AuditAsync(maldives, c, "ArrivedWithoutPreArrival", [MovementMessage.Raised(c, ArrivalOf(report, c))]));
        await AuditAsync(maldives, cargo.Voyage, "VesselArrived", [report]);
        output.WriteLine($"node killed with {startedAtKill} of {OnBoard} consignments' orchestrations scheduled, {matchedAtKill} arrivals recorded; all {OnBoard} matched once after the restart");
    }

    private static async Task<HandOffOutcome> HandOverAsync(EngineUnderTest node, MovementMessage message)
    {
        var outcome = await node.HandOff(AcknowledgeWithin).HandOverAsync(node.Client, message, CancellationToken.None);
        Assert.Equal(HandOffStatus.Applied, outcome.Status);
        return outcome;
    }

    /// <summary>The message <paramref name="from"/> sent about <paramref name="reference"/>, handed to <paramref name="to"/> as its bus consumer would: applied there.</summary>
    private static async Task<MovementMessage> CourierAsync(EngineUnderTest from, EngineUnderTest to, string reference, string messageType)
    {
        var sent = await SentAsync(from, reference, messageType);
        var message = CargoSamples.Parse(sent, MessageOrigin.Partner);
        await HandOverAsync(to, message);
        return message;
    }

    private static async Task<byte[]> SentAsync(EngineUnderTest node, string reference, string messageType)
    {
        var sent = (await node.Index.HistoryAsync(reference, CancellationToken.None)).Single(e => e.Direction == MessageDirection.Outbound && e.MessageType == messageType);
        // Published once recorded: what the partner gets is what the archive holds under that name.
        await Eventually.UntilAsync(() => Task.FromResult(TestNode.PublishLog.Read(node.Setting.PublishLog).Any(p => p.MessageId == sent.MessageId)), $"{messageType} of {reference} published");
        return (await node.Archive.ReadAsync(sent.ArchiveName, CancellationToken.None))!.Content;
    }

    private static async Task<IReadOnlyList<MovementEvent>> AuditAsync(EngineUnderTest node, string reference, string status, IReadOnlyList<MovementMessage> received) =>
        (await MovementAudit.AssertRecordedOnceAsync(node.Index, node.Setting.PublishLog, node.Setting.Country, reference, status, received)).History;

    private static ConsignmentArrived ArrivalOf(MovementMessage report, string consignment)
    {
        var e = (VesselArrivalReported)report.ReadCargoEvent();
        return new ConsignmentArrived(ConsignmentArrived.IdFor(e.MessageId, consignment), e.Voyage, e.PortOfDischarge, e.ArrivedAt, e.SenderOffice);
    }

    private static string StatusIn(HandOffOutcome outcome) =>
        System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(outcome.Receipt)).Descendants().Single(e => e.Name.LocalName == "MovementStatus").Value;
}
