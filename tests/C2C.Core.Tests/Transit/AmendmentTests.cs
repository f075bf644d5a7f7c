using C2C.Core.Guarantees;
using C2C.Core.Transit;
using C2C.Core.Validation;
using CsCheck;
using static C2C.Core.Tests.Transit.Journey;

namespace C2C.Core.Tests.Transit;

/// <summary>Amendments before release (IE013 → IE004): acceptance, NCTS's unchangeable fields, versions, release (IE029), keep-the-latest at receivers.</summary>
public sealed class AmendmentTests
{
    private static readonly CorridorPolicy Policy = CorridorPolicy.Default;
    private static readonly DeclarationIdentity Identity = new("T1", "TGLOM001", "TG1000234567", "Sahel Transit Logistique SARL");
    private static int _id;

    private static string Id() => $"A{Interlocked.Increment(ref _id)}";

    private static DeclarationLodged Lodged() => new(Id(), "TGLOM001", "BFOUA001", MessageOrigin.Local, Facts, Identity);

    private static DeclarationAmended Amendment(DeclarationIdentity? identity = null, RouteFacts? facts = null, bool release = false, MessageOrigin origin = MessageOrigin.Local) =>
        new(Id(), "TGLOM001", "BFOUA001", origin, facts ?? Facts with { MeansOfTransport = "TG 9999 ZZ" }, identity ?? Identity, release);

    private static ReleaseGranted Release(string office = "TGLOM001") => new(Id(), office, "TGC2C000", MessageOrigin.Local, Journey.Release.AddHours(2));

    private static TransitDecision Decide(TransitState? state, TransitEvent e) => DepartureDecider.Decide(Mrn, state, e, Policy);

    private static TransitState Apply(TransitState? state, TransitEvent e)
    {
        var d = Decide(state, e);
        Assert.False(d.IsRejected, d.Rejection?.Reason);
        return d.State!;
    }

    [Fact]
    public void A_declaration_without_release_is_accepted_version_1_sends_nothing_and_runs_no_timer()
    {
        var lodged = Lodged();
        var d = Decide(null, lodged);

        Assert.Equal(TransitStatus.Accepted, d.State!.Status);
        Assert.Equal(1, d.State.Facts!.Version);
        Assert.Equal(lodged.MessageId, d.State.DeclarationMessageId);
        Assert.Empty(d.Intents);
        Assert.Empty(d.SetDeadlines);
        Assert.Equal(GuaranteeStep.None, MovementGuarantee.Of(null, d.State));
    }

    [Fact]
    public void Each_accepted_amendment_raises_the_version_and_release_sends_the_latest_and_reserves_on_it()
    {
        var accepted = Apply(null, Lodged());
        var second = Amendment();
        var amended = Apply(Apply(accepted, Amendment()), second);
        Assert.Equal((TransitStatus.Accepted, 3, second.MessageId), (amended.Status, amended.Facts!.Version, amended.DeclarationMessageId));

        var release = Release();
        var d = Decide(amended, release);

        Assert.Equal(TransitStatus.Released, d.State!.Status);
        Assert.Equal(3, d.State.Facts!.Version);
        Assert.Equal("TG 9999 ZZ", d.State.Facts.MeansOfTransport);
        Assert.Equal(release.ReleasedAt, d.State.Facts.ReleasedAt);
        Assert.Equal(second.MessageId, d.State.DeclarationMessageId);
        Assert.Equal([("IE050", "BFCIN001"), ("IE001", "BFOUA001")], d.Intents.Select(i => (i.Kind.Code, i.RecipientOffice)));
        Assert.Equal(DeadlineKinds.TimeLimit, Assert.Single(d.SetDeadlines).Kind);
        Assert.Equal(GuaranteeStep.Reserve, MovementGuarantee.Of(amended, d.State with { Facts = d.State.Facts with { Guarantee = new GuaranteeClaim("G", "1", 1m, "XOF", 1m) } }));
    }

    public static TheoryData<string, string> Unchangeable => new()
    {
        { "declaration type", "/DeclarationAmendment/Declaration/DeclarationType" },
        { "office of departure", "/DeclarationAmendment/Declaration/CustomsOfficeOfDeparture" },
        { "holder", "/DeclarationAmendment/Declaration/HolderOfTheTransitProcedure/IdentificationNumber" },
        { "release time", "/DeclarationAmendment/Declaration/ReleaseDateTime" },
    };

    [Theory]
    [MemberData(nameof(Unchangeable))]
    public void An_amendment_of_what_may_not_change_is_refused_19_with_its_xpath(string field, string pointer)
    {
        var accepted = Apply(null, Lodged());
        var amendment = field switch
        {
            "declaration type" => Amendment(Identity with { DeclarationType = "T2" }),
            "office of departure" => Amendment(Identity with { OfficeOfDeparture = "TGCIN001" }),
            "holder" => Amendment(Identity with { HolderId = "TG9999999999" }),
            _ => Amendment(release: true),
        };

        var d = Decide(accepted, amendment);

        Assert.Equal((ErrorCodes.RuleViolation, pointer), (d.Rejection!.Code, d.Rejection.Pointer));
    }

    [Fact]
    public void The_holders_name_and_everything_else_may_change()
    {
        var accepted = Apply(null, Lodged());
        var facts = Facts with
        {
            OfficeOfDestination = "BFBOB001", TimeLimit = Facts.TimeLimit.AddDays(2), MeansOfTransport = "BF 1 AA",
            Route = [new RouteOffice("TGCIN001", "EXIT"), new RouteOffice("BFBOB001", RouteOffice.Destination)],
        };

        var amended = Apply(accepted, Amendment(Identity with { HolderName = "Sahel Transit Logistique SA" }, facts));

        Assert.Equal(("BFBOB001", 2), (amended.Facts!.OfficeOfDestination, amended.Facts.Version));
    }

    [Fact]
    public void After_release_an_amendment_is_refused_92_and_a_partner_may_not_amend_or_release()
    {
        var released = Apply(Apply(null, Lodged()), Release());
        Assert.Equal(ErrorCodes.AmendmentAfterRelease, Decide(released, Amendment()).Rejection!.Code);
        Assert.Equal("92", ErrorCodes.AmendmentAfterRelease);
        Assert.Equal(ErrorCodes.OutOfSequence, Decide(released, Release()).Rejection!.Code);
        Assert.Equal(ErrorCodes.AmendmentAfterRelease, Decide(Apply(null, Journey.Released()), Amendment()).Rejection!.Code);

        var accepted = Apply(null, Lodged());
        Assert.Equal(ErrorCodes.RuleViolation, Decide(accepted, Amendment(origin: MessageOrigin.Partner)).Rejection!.Code);
        Assert.Equal(ErrorCodes.RuleViolation, Decide(accepted, Release("TGCIN001")).Rejection!.Code);
        Assert.Equal(ErrorCodes.UnknownMrn, Decide(null, Amendment()).Rejection!.Code);
        Assert.Equal(ErrorCodes.UnknownMrn, Decide(null, Release()).Rejection!.Code);
        Assert.Equal(ErrorCodes.DuplicateMrn, Decide(accepted, Lodged()).Rejection!.Code);
    }

    [Fact]
    public void Before_release_nothing_is_sent_abroad_and_invalidation_ends_it_without_notice()
    {
        var accepted = Apply(null, Lodged());
        var request = Decide(accepted, ArrivalRecordRequest());
        Assert.Equal("NOT_RELEASED", Assert.Single(request.Intents).Detail);
        Assert.Equal(ErrorCodes.OutOfSequence, Decide(accepted, Passage(MessageOrigin.Partner)).Rejection!.Code);

        var cancelled = Decide(accepted, Invalidation());
        Assert.Equal(TransitStatus.Cancelled, cancelled.State!.Status);
        Assert.Empty(cancelled.Intents);
        Assert.Equal(GuaranteeStep.None, MovementGuarantee.Of(accepted, cancelled.State with { Facts = cancelled.State.Facts! with { Guarantee = new GuaranteeClaim("G", "1", 1m, "XOF", 1m) } }));
    }

    [Fact]
    public void Any_sequence_of_amendments_counts_one_version_per_accepted_one_and_refused_ones_change_nothing()
    {
        Gen.Int[0, 3].Array[0, 20].Sample(steps =>
        {
            var state = Apply(null, Lodged());
            var accepted = 0;
            foreach (var step in steps)
            {
                var d = Decide(state, step switch
                {
                    0 => Amendment(),
                    1 => Amendment(Identity with { HolderId = "TG0" }),
                    2 => Amendment(Identity with { DeclarationType = "T2" }),
                    _ => Amendment(release: true),
                });
                if (step == 0)
                {
                    accepted++;
                    state = d.State!;
                }
                else
                {
                    Assert.Equal(ErrorCodes.RuleViolation, d.Rejection!.Code);
                }
            }
            Assert.Equal(1 + accepted, state.Facts!.Version);
            Assert.Equal(TransitStatus.Accepted, state.Status);
        });
    }

    [Fact]
    public void A_receiver_ends_with_the_highest_version_whatever_order_the_records_come_in()
    {
        // Versions 1..n of the declaration, each as the record to the border and to the destination, delivered in any order.
        Gen.Int[1, 6].SelectMany(n => Gen.Shuffle(Enumerable.Range(1, n).SelectMany(v => new[] { (v, "IE050"), (v, "IE001") }).ToArray()).Select(order => (n, order)))
            .Sample(t =>
            {
                TransitState? state = null;
                foreach (var (version, type) in t.order)
                {
                    var facts = Facts with { Version = version, MeansOfTransport = $"truck v{version}" };
                    var office = type == "IE050" ? "BFCIN001" : "BFOUA001";
                    var d = ReceivingDecider.Decide(Mrn, state, new AnticipatedRecordReceived($"R{version}{type}", type, "TGLOM001", office, MessageOrigin.Partner, facts));
                    Assert.False(d.IsRejected);
                    Assert.True(state?.Facts is null || d.State!.Facts!.Version >= state.Facts.Version, "a version never goes back");
                    state = d.State!;
                }
                Assert.Equal((t.n, $"truck v{t.n}"), (state!.Facts!.Version, state.Facts.MeansOfTransport));
                Assert.Equal(["BFCIN001", "BFOUA001"], state.RecordOffices.Order());
                Assert.StartsWith($"R{t.n}", state.DeclarationMessageId);
            });
    }

    [Fact]
    public void An_older_record_arriving_late_is_recorded_not_applied()
    {
        var v2 = ReceivingDecider.Decide(Mrn, null, new AnticipatedRecordReceived("R2", "IE001", "TGLOM001", "BFOUA001", MessageOrigin.Partner, Facts with { Version = 2 })).State;
        var late = ReceivingDecider.Decide(Mrn, v2, new AnticipatedRecordReceived("R1", "IE001", "TGLOM001", "BFOUA001", MessageOrigin.Partner, Facts with { MeansOfTransport = "old" }));

        Assert.Equal((2, "TG 4521 BK", "R2"), (late.State!.Facts!.Version, late.State.Facts.MeansOfTransport, late.State.DeclarationMessageId));
        Assert.Contains("older than version 2", late.History);
        Assert.False(late.ChangesNothing);
    }
}
