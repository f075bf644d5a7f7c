using C2C.Core.Ports;
using C2C.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Http;

/// <summary>
/// Every sample message goes through ingest into the archive and the index, each at the node it is addressed to, in
/// the flow where it belongs: full journey, cancellation, overdue with enquiry, SASEC pre-arrival.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class SampleFlowTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF", "IN", "MV");

    public void Dispose() => _network.Dispose();

    private static async Task<Answer> Post(HttpClient client, byte[] xml) => await Answer.ReadAsync(await InProcessNode.PostAsync(client, xml));

    private static async Task<Answer> Accepted(HttpClient client, byte[] xml)
    {
        var answer = await Post(client, xml);
        Assert.True(answer.Status == 200 && answer.Outcome == "accepted", answer.ToString());
        return answer;
    }

    private static async Task<string> StatusAsync(InProcessNode node, string reference) =>
        (await node.Services.GetRequiredService<IMovementIndex>().GetAsync(reference, CancellationToken.None))!.Status.Name;

    private static async Task AssertArchivedAsync(InProcessNode node, Answer receipt, byte[] original)
    {
        var stored = await node.Services.GetRequiredService<IMessageArchive>().ReadAsync(receipt.Value("ArchiveReference")!, CancellationToken.None);
        Assert.Equal(original, stored!.Content);
    }

    [Fact]
    public async Task Full_journey_Lome_Cinkasse_Ouagadougou()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        using var bf = new InProcessNode(_network, "BF", stack);

        var declaration = Samples.Bytes("IE015-TransitDeclaration");
        await AssertArchivedAsync(tg, await Accepted(tg.Offices(), declaration), declaration);
        var records = await Courier.DeliverAsync(tg, bf);
        // IE050 (border) and IE001 (destination) may arrive in any order; with both, the truck is expected at the border.
        Assert.Equal(2, records.Count);
        Assert.Equal("ExpectedAtBorder", records[^1].Value("MovementStatus"));

        foreach (var (sample, bfStatus, tgStatus) in new[]
                 {
                     ("IE118-BorderPassageNotification", "ExpectedAtDestination", "InTransit"),
                     ("IE180-IncidentNotification", "ExpectedAtDestination", "InTransit"),
                     ("IE006-ArrivalAdvice", "ArrivedAtDestination", "Arrived"),
                     ("IE018-ControlResults", "ControlResultsSent", "WrittenOff"),
                 })
        {
            var bytes = Samples.Bytes(sample);
            var receipt = await Accepted(bf.Offices(), bytes);
            await AssertArchivedAsync(bf, receipt, bytes);
            Assert.Equal(bfStatus, receipt.Value("MovementStatus"));
            var forwarded = Assert.Single(await Courier.DeliverAsync(bf, tg));
            Assert.True(forwarded.Status == 200, forwarded.ToString());
            Assert.Equal(tgStatus, forwarded.Value("MovementStatus"));
        }

        // Write-off notification IE045 back to the destination.
        Assert.Equal("WrittenOff", Assert.Single(await Courier.DeliverAsync(tg, bf)).Value("MovementStatus"));

        // Status query and answer, record requests after the write-off (refused), NACK from departure.
        await Accepted(tg.Administration("BF"), tg.SignAs("BF", Samples.Bytes("IE094-StatusRequest")));
        await Accepted(tg.Administration("BF"), tg.SignAs("BF", Samples.Bytes("IE002-ArrivalRecordRequest")));
        await Accepted(tg.Administration("BF"), tg.SignAs("BF", Samples.Bytes("IE114-TransitRecordRequest")));
        var answers = await Courier.DeliverAsync(tg, bf);
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.Equal(200, a.Status));
        var bfHistory = await bf.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None);
        Assert.Contains(bfHistory, e => e.MessageType == "IE095");
        Assert.Contains(bfHistory, e => e.MessageType == "IE003");
        Assert.Contains(bfHistory, e => e.MessageType == "IE115");
        foreach (var sample in new[] { "IE095-StatusResponse", "IE906-FunctionalNack", "IE917-XmlNack" })
            await Accepted(bf.Administration("TG"), bf.SignAs("TG", Samples.Bytes(sample)));
        Assert.Equal("WrittenOff", await StatusAsync(tg, Samples.Mrn));
        Assert.Equal("WrittenOff", await StatusAsync(bf, Samples.Mrn));
    }

    [Fact]
    public async Task Record_responses_reach_an_undeclared_office()
    {
        using var bf = new InProcessNode(_network, "BF", stack);
        // Bobo-Dioulasso sees the truck with no record: it asks departure; the response carries the record.
        await Accepted(bf.Offices(), InProcessNode.Utf8(Samples.Text("IE006-ArrivalAdvice").Replace("BFOUA001", "BFBOB001")));
        Assert.Equal("UnexpectedArrival", await StatusAsync(bf, Samples.Mrn));
        var record = await Accepted(bf.Administration("TG"), bf.SignAs("TG", Samples.Bytes("IE003-ArrivalRecordResponse")));
        Assert.Equal("ArrivedAtDestination", record.Value("MovementStatus"));
        await Accepted(bf.Administration("TG"), bf.SignAs("TG", Samples.Bytes("IE115-TransitRecordResponse")));
    }

    [Fact]
    public async Task Invalidation_cancels_at_both_nodes()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        using var bf = new InProcessNode(_network, "BF", stack);
        await Accepted(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration"));
        await Courier.DeliverAsync(tg, bf);
        var invalidation = await Accepted(tg.Offices(), Samples.Bytes("IE009-InvalidationDecision"));
        Assert.Equal("Cancelled", invalidation.Value("MovementStatus"));
        // One cancellation notice per country that got a record: Burkina Faso's node closes its whole view with it.
        Assert.Equal(200, Assert.Single(await Courier.DeliverAsync(tg, bf)).Status);
        Assert.Equal("Cancelled", await StatusAsync(bf, Samples.Mrn));
        // Nothing may happen to a cancelled movement: the border office's report is refused.
        var late = await Post(bf.Offices(), Samples.Bytes("IE118-BorderPassageNotification"));
        Assert.Equal(422, late.Status);
        Assert.Contains("92", late.ErrorCodes);
        // The sample IE010 (the same cancellation told again, under another message id) is recorded and changes nothing.
        var sample = await Post(bf.Administration("TG"), bf.SignAs("TG", Samples.Bytes("IE010-CancellationNotification")));
        Assert.Equal((200, "Cancelled"), (sample.Status, sample.Value("MovementStatus")));
    }

    [Fact]
    public async Task Overdue_movement_goes_to_enquiry_and_the_answer_is_applied()
    {
        // The time limit expired three days ago; the enquiry is due as soon as it expires (0 days instead of 7).
        using var tg = new InProcessNode(_network, "TG", stack, ("C2C:Corridor:EnquiryAfterExpiryDays", "0"));
        using var bf = new InProcessNode(_network, "BF", stack);
        await Accepted(tg.Offices(), Samples.OverdueDeclaration(Samples.Mrn));
        await Courier.DeliverAsync(tg, bf);

        // Both deadlines are durable timers of the movement, due at once.
        await tg.WaitForStatusAsync(Samples.Mrn, "UnderEnquiry");
        Assert.Contains(await tg.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None), e => e.StatusAfter.Name == "Overdue");
        var enquiry = Assert.Single(await Courier.DeliverAsync(tg, bf));
        Assert.Equal(200, enquiry.Status);
        // BF's automatic answer (not arrived) goes back; the sample IE142 is the same request as the national office would send it.
        await Accepted(bf.Administration("TG"), bf.SignAs("TG", Samples.Bytes("IE142-EnquiryRequest")));
        var answers = await Courier.DeliverAsync(bf, tg);
        Assert.Equal(200, answers[0].Status);
        Assert.Equal("EnquiryUnresolved", answers[0].Value("MovementStatus"));
        // The sample answer now arrives out of sequence: refused with 92, nothing applied.
        var late = await Post(tg.Administration("BF"), tg.SignAs("BF", Samples.Bytes("IE143-EnquiryResponse")));
        Assert.Contains("92", late.ErrorCodes);
    }

    [Fact]
    public async Task Pre_arrival_cargo_Tuticorin_to_Male()
    {
        using var india = new InProcessNode(_network, "IN", stack);
        using var maldives = new InProcessNode(_network, "MV", stack);
        var data = Samples.Bytes("PA001-PreArrivalCargoData");
        await AssertArchivedAsync(india, await Accepted(india.Offices(), data), data);
        var announced = Assert.Single(await Courier.DeliverAsync(india, maldives));
        Assert.Equal("Announced", announced.Value("MovementStatus"));
        var ack = Assert.Single(await Courier.DeliverAsync(maldives, india));
        Assert.Equal("Acknowledged", ack.Value("MovementStatus"));
        var flags = (await india.Services.GetRequiredService<IMovementIndex>().GetAsync("TUTMLE2611240001", CancellationToken.None))!.StateJson;
        Assert.Contains("HS-0306", flags);
        await Accepted(maldives.Offices(), Samples.Bytes("PA003-CargoArrivalReport"));
        Assert.Equal("VesselArrived", await StatusAsync(maldives, "9312345-V2611"));
        // The voyage's orchestration delivers the arrival to each consignment on board, matched against the pre-arrival data.
        await maldives.WaitForStatusAsync("TUTMLE2611240001", "Arrived");
        // The sample acknowledgement repeats the one Malé composed, with other bytes and id: applied as a later ack.
        await Accepted(india.Administration("MV"), india.SignAs("MV", Samples.Bytes("PA002-PreArrivalCargoAck")));
    }

    [Fact]
    public async Task Consignment_arriving_without_pre_arrival_data_is_flagged_and_matched_only_once()
    {
        using var maldives = new InProcessNode(_network, "MV", stack);
        var report = Samples.Text("PA003-CargoArrivalReport").Replace("</ConsignmentReference>", "</ConsignmentReference>\n  <ConsignmentReference>TUTMLE2611240099</ConsignmentReference>");
        await Accepted(maldives.Offices(), InProcessNode.Utf8(report));
        await maldives.WaitForStatusAsync("TUTMLE2611240099", "ArrivedWithoutPreArrival");
        await maldives.WaitForStatusAsync("TUTMLE2611240001", "ArrivedWithoutPreArrival");
        // The same report again is the same message: its receipt again, nothing delivered twice.
        Assert.Equal("duplicate", (await Post(maldives.Offices(), InProcessNode.Utf8(report))).Outcome);
        var index = maldives.Services.GetRequiredService<IMovementIndex>();
        Assert.Single(await index.HistoryAsync("TUTMLE2611240099", CancellationToken.None));
    }

    [Fact]
    public async Task Receipts_are_answers_only_and_cannot_be_posted()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        var answer = await Post(tg.Offices(), Samples.Bytes("IE928-PositiveAcknowledgement"));
        Assert.Equal(403, answer.Status);
    }
}
