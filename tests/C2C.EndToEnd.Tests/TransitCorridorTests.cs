using Xunit.Abstractions;

namespace C2C.EndToEnd.Tests;

/// <summary>
/// Lomé → Cinkassé → Ouagadougou with two real nodes (TG, BF) over RabbitMQ (or Service Bus) and Azurite: every
/// cross-border record travels through the broker, signed by the sending administration and verified by the receiver.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class TransitCorridorTests(LocalStack stack, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> FastEnquiry = new() { ["C2C:Corridor:EnquiryAfterExpiryDays"] = "0" };

    [Theory]
    [InlineData(CorridorBroker.RabbitMq)]
    [InlineData(CorridorBroker.ServiceBus)] // each node with its own namespace, through the Service Bus SDK
    public async Task Full_journey_from_release_to_write_off_on_both_nodes(CorridorBroker broker)
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], broker: broker);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrn = Movements.NewMrn();

        Assert.Equal("Released", (await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn))).Value("MovementStatus"));
        await Movements.WaitForBothRecordsAsync(bf, mrn);
        foreach (var (sample, bfStatus, tgStatus) in new[]
                 {
                     ("IE118-BorderPassageNotification", "ExpectedAtDestination", "InTransit"),
                     ("IE180-IncidentNotification", "ExpectedAtDestination", "InTransit"),
                     ("IE006-ArrivalAdvice", "ArrivedAtDestination", "Arrived"),
                     ("IE018-ControlResults", "ControlResultsSent", "WrittenOff"),
                 })
        {
            Assert.Equal(bfStatus, (await bf.AcceptedAsync(Movements.Sample(sample, mrn))).Value("MovementStatus"));
            await tg.WaitForStatusAsync(mrn, tgStatus);
        }
        // The write-off notice (IE045) travels back: the guarantee is released on both sides.
        await bf.WaitForStatusAsync(mrn, "WrittenOff");

        var departure = await TimelineAsync(tg, mrn);
        var destination = await TimelineAsync(bf, mrn);
        Assert.Equal(["IE015 in", "IE050 out", "IE001 out", "IE118 in", "IE180 in", "IE006 in", "IE018 in", "IE045 out"], departure.Select(Short));
        // The two anticipated records may arrive in either order; each report is applied, then forwarded to departure.
        Assert.Equal(["IE001 in", "IE050 in"], destination.Take(2).Select(Short).Order());
        Assert.Equal(["IE118 in", "IE118 out", "IE180 in", "IE180 out", "IE006 in", "IE006 out", "IE018 in", "IE018 out", "IE045 in"], destination.Skip(2).Select(Short));
        AssertEachMessageOnce(departure, destination);
        await corridor.AssertServiceBusDrainedAsync();
    }

    [Fact]
    public async Task Three_countries_each_node_gets_its_records_and_every_one_ends_written_off()
    {
        // Lomé → Cinkassé (Burkina Faso, transit only) → Niamey (Niger): the route decides which node gets what.
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF", "NE"]);
        var (tg, bf, ne) = (corridor["TG"], corridor["BF"], corridor["NE"]);
        var mrn = Movements.NewMrn();
        await tg.AcceptedAsync(Movements.ToNiamey(mrn));
        await bf.WaitForStatusAsync(mrn, "ExpectedAtBorder");
        await ne.WaitForStatusAsync(mrn, "ExpectedAtDestination");

        Assert.Equal("CrossedBorder", (await bf.AcceptedAsync(Movements.Sample("IE118-BorderPassageNotification", mrn))).Value("MovementStatus"));
        await tg.WaitForStatusAsync(mrn, "InTransit");
        await ne.AcceptedAsync(Movements.AtOffice(Movements.Sample("IE006-ArrivalAdvice", mrn), "BFOUA001", "NENIA001"));
        await tg.WaitForStatusAsync(mrn, "Arrived");
        await ne.AcceptedAsync(Movements.AtOffice(Movements.Sample("IE018-ControlResults", mrn), "BFOUA001", "NENIA001"));
        await tg.WaitForStatusAsync(mrn, "WrittenOff");
        // Departure tells both countries: the transit country closes its view too.
        await ne.WaitForStatusAsync(mrn, "WrittenOff");
        await bf.WaitForStatusAsync(mrn, "WrittenOff");

        var departure = await TimelineAsync(tg, mrn);
        Assert.Equal(["IE015 in", "IE050 out", "IE001 out", "IE118 in", "IE006 in", "IE018 in", "IE045 out", "IE045 out"], departure.Select(Short));
        Assert.Equal(["BFCIN001", "NENIA001"], departure.Where(e => e.MessageType is "IE050" or "IE001").Select(e => e.RecipientOffice));
        Assert.Equal(["IE050 in", "IE118 in", "IE118 out", "IE045 in"], (await TimelineAsync(bf, mrn)).Select(Short));
        Assert.Equal(["IE001 in", "IE006 in", "IE006 out", "IE018 in", "IE018 out", "IE045 in"], (await TimelineAsync(ne, mrn)).Select(Short));
        AssertEachMessageOnce(departure, await TimelineAsync(bf, mrn), await TimelineAsync(ne, mrn));
    }

    [Fact]
    public async Task A_destination_office_asks_departure_for_the_status_and_gets_its_answer()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrn = Movements.NewMrn();
        await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        await Movements.WaitForBothRecordsAsync(bf, mrn);

        // Ouagadougou asks Lomé (IE094 addressed to TGLOM001): Burkina's node forwards it, Togo answers (IE095).
        await bf.AcceptedAsync(Movements.Sample("IE094-StatusRequest", mrn));
        await bf.WaitForTimelineAsync(mrn, events => events.Any(e => e.MessageType == "IE095" && e.Direction == "Inbound"));
        Assert.Equal(["IE094 in", "IE095 out"], (await TimelineAsync(tg, mrn)).Skip(3).Select(Short));
        Assert.Equal(["IE094 in", "IE094 out", "IE095 in"], (await TimelineAsync(bf, mrn)).Skip(2).Select(Short));
        var answer = (await TimelineAsync(bf, mrn))[^1];
        Assert.Contains("<Status>Released</Status>", System.Text.Encoding.UTF8.GetString(await bf.ArchivedAsync(answer.ArchiveName)));
    }

    [Fact]
    public async Task A_passage_at_an_undeclared_border_office_requests_the_transit_record_and_counts()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrn = Movements.NewMrn();
        await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        await Movements.WaitForBothRecordsAsync(bf, mrn);

        // The truck enters at Dakola instead of Cinkassé: Burkina asks Togo for the record (IE114 → IE115).
        await bf.AcceptedAsync(Movements.AtOffice(Movements.Sample("IE118-BorderPassageNotification", mrn), "BFCIN001", "BFDKL001"));
        await tg.WaitForStatusAsync(mrn, "InTransit");
        await bf.WaitForTimelineAsync(mrn, events => events.Any(e => e.MessageType == "IE115" && e.Direction == "Inbound"));
        var departure = await TimelineAsync(tg, mrn);
        Assert.Contains(departure, e => e.MessageType == "IE115" && e.Direction == "Outbound" && e.RecipientOffice == "BFDKL001");
        Assert.Single(departure, e => e.MessageType == "IE118" && e.StatusAfter == "InTransit");
        Assert.Contains("IE114 out", (await TimelineAsync(bf, mrn)).Select(Short));
        Assert.Equal("ExpectedAtDestination", await bf.StatusAsync(mrn));
        AssertEachMessageOnce(departure, await TimelineAsync(bf, mrn));
    }

    [Fact]
    public async Task Diversion_to_an_undeclared_office_requests_the_record_and_completes()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrn = Movements.NewMrn();
        await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        await Movements.WaitForBothRecordsAsync(bf, mrn);
        await bf.AcceptedAsync(Movements.Sample("IE118-BorderPassageNotification", mrn));

        // The truck turns up at Bobo-Dioulasso instead of Ouagadougou.
        var arrival = Movements.AtOffice(Movements.Sample("IE006-ArrivalAdvice", mrn), "BFOUA001", "BFBOB001");
        Assert.Equal("ArrivedAtDestination", (await bf.AcceptedAsync(arrival)).Value("MovementStatus"));
        await tg.WaitForStatusAsync(mrn, "Arrived");
        // Departure answered the record request (IE002 → IE003) for the undeclared office.
        await bf.WaitForTimelineAsync(mrn, t => t.Any(e => e.MessageType == "IE003" && e.Direction == "Inbound"));
        await bf.AcceptedAsync(Movements.AtOffice(Movements.Sample("IE018-ControlResults", mrn), "BFOUA001", "BFBOB001"));
        await tg.WaitForStatusAsync(mrn, "WrittenOff");
        await bf.WaitForStatusAsync(mrn, "WrittenOff");
        var departure = await TimelineAsync(tg, mrn);
        Assert.Contains(departure, e => e.MessageType == "IE002" && e.Direction == "Inbound");
        Assert.Contains(departure, e => e.MessageType == "IE003" && e.Direction == "Outbound");
        AssertEachMessageOnce(departure, await TimelineAsync(bf, mrn));
    }

    [Fact]
    public async Task Arrival_with_no_anticipated_record_is_an_alert_and_departure_refuses_what_it_never_released()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrn = Movements.NewMrn(); // never released in Togo

        Assert.Equal("UnexpectedArrival", (await bf.AcceptedAsync(Movements.Sample("IE006-ArrivalAdvice", mrn))).Value("MovementStatus"));
        // Burkina asked Togo for the record (IE002) and forwarded the arrival; Togo never released this MRN, so it
        // NACKs both (IE906, unknown MRN 90), in either order: an MRN departure does not know is unknown for good.
        await bf.WaitForTimelineAsync(mrn, t => t.Count(e => e.MessageType == "IE906" && e.Direction == "Inbound") == 2);
        var destination = await TimelineAsync(bf, mrn);
        Assert.Equal(["IE006 in", "IE002 out", "IE006 out", "IE906 in", "IE906 in"], destination.Select(Short));
        Assert.Equal("UnexpectedArrival", await bf.StatusAsync(mrn));
        // Nothing invented at departure: no movement, only the two NACKs it sent and the refused messages kept for ops.
        Assert.Null(await tg.StatusAsync(mrn));
        Assert.Equal(2, (await tg.ArchiveSearchAsync($"mrn={mrn}&type=IE906")).Count);
        Assert.Equal(2, (await tg.AlertsAsync()).Count(a => a.Kind == "Refused90" && a.EnvelopeMessageId.Length > 0));
    }

    [Fact]
    public async Task Invalidation_after_release_cancels_at_the_destination_and_later_reports_are_refused()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"]);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        var mrn = Movements.NewMrn();
        await tg.AcceptedAsync(Movements.Sample("IE015-TransitDeclaration", mrn));
        await Movements.WaitForBothRecordsAsync(bf, mrn);
        Assert.Equal("Cancelled", (await tg.AcceptedAsync(Movements.Sample("IE009-InvalidationDecision", mrn))).Value("MovementStatus"));
        await bf.WaitForStatusAsync(mrn, "Cancelled");

        var late = await bf.PostAsync(Movements.Sample("IE118-BorderPassageNotification", mrn));
        Assert.Equal(422, late.Status);
        Assert.Contains("92", late.ErrorCodes);
        Assert.Equal("Cancelled", await tg.StatusAsync(mrn));
    }

    [Fact]
    public async Task Time_limit_expiry_raises_overdue_then_an_enquiry_answered_across_the_border()
    {
        await using var corridor = await Corridor.StartAsync(stack, ["TG", "BF"], FastEnquiry);
        var (tg, bf) = (corridor["TG"], corridor["BF"]);
        // Two movements expiring in the same minute: each has its own timers.
        string[] mrns = [Movements.NewMrn(), Movements.NewMrn()];
        foreach (var mrn in mrns)
            await tg.AcceptedAsync(Movements.OverdueDeclaration(mrn));
        foreach (var mrn in mrns)
        {
            // The expired time limit is found at once, then the enquiry deadline (0 days here): IE142 goes to BF,
            // BF answers IE143 "not arrived" by itself, and departure records the enquiry as unresolved.
            await tg.WaitForStatusAsync(mrn, "EnquiryUnresolved", seconds: 45);
            var departure = await TimelineAsync(tg, mrn);
            Assert.Contains(departure, e => e.StatusAfter == "Overdue");
            Assert.Contains(departure, e => e.MessageType == "IE142" && e.Direction == "Outbound");
            Assert.Contains(departure, e => e.MessageType == "IE143" && e.Direction == "Inbound");
            AssertEachMessageOnce(departure, await TimelineAsync(bf, mrn));
        }
    }

    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(CountryNode node, string mrn)
    {
        var (events, intact) = await node.TimelineAsync(mrn);
        output.WriteLine($"{node.Country} {mrn}: {string.Join(" | ", events)}");
        Assert.True(intact, $"{node.Country}: hash chain broken");
        return events;
    }

    private static string Short(TimelineEntry e) => $"{e.MessageType} {(e.Direction == "Inbound" ? "in" : "out")}";

    /// <summary>
    /// Nothing applied twice: every message id appears once per node and direction (a forwarded report is the same
    /// message going out again; timers are events too, with their own ids).
    /// </summary>
    internal static void AssertEachMessageOnce(params IReadOnlyList<TimelineEntry>[] timelines)
    {
        foreach (var timeline in timelines)
            Assert.Equal(timeline.Count, timeline.Select(e => (e.MessageId, e.Direction)).Distinct().Count());
    }
}
