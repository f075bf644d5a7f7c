using C2C.Core.Guarantees;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Testing;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>The departure movement's guarantee: reserved at release (or the release refused), returned at write-off, kept on an unresolved enquiry.</summary>
public sealed class GuaranteeOrchestrationTests : IAsyncLifetime
{
    private const string Grn = "26TG0000000009999";

    private readonly InMemoryGuaranteeLedger _ledger = new(new Guarantee(Grn, GuaranteeKind.Comprehensive, 20_000_000m, "XOF",
        new Principal("TG1000234567", "Sahel Transit Logistique SARL"), new DateOnly(2020, 1, 1), new DateOnly(2099, 12, 31), ["TG", "BF"]));

    private OrchestratorHost _node = null!;

    public async Task InitializeAsync() => _node = await OrchestratorHost.StartAsync("TG", _ledger);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static Movements Guaranteed() => Movements.New() is var m
        ? new Movements(m.Mrn) { Facts = m.Facts with { Guarantee = new GuaranteeClaim(Grn, "1", 18_500_000m, "XOF", 14_100_000m) } }
        : throw new InvalidOperationException();

    [Fact]
    public async Task Reserved_at_release_a_second_release_refused_for_the_balance_and_given_back_at_write_off()
    {
        var first = Guaranteed();
        await _node.StartAsync(first, first.Released());
        await _node.Effects.WaitUntilAsync(e => e.StepsOf(first.Mrn).Any(s => s.Decision.Status.Name == "Released"), "the first release");
        Assert.Equal(1_500_000m, (await _ledger.GetAsync(Grn, CancellationToken.None))!.Balance);
        Assert.Contains($"guarantee {Grn}: 18500000.00 XOF reserved, balance 1500000.00", _node.Effects.StepsOf(first.Mrn)[0].Decision.History, StringComparison.Ordinal);

        var second = Guaranteed();
        var declaration = second.Released();
        await _node.StartAsync(second, declaration);
        await _node.Effects.WaitUntilAsync(e => e.HasRecorded(second.Mrn, $"refused-{declaration.MessageId}"), "the second declaration's refusal");
        var refusal = _node.Effects.StepsOf(second.Mrn).Single();
        Assert.False(refusal.Decision.Persist);
        Assert.Equal(ErrorCodes.RuleViolation, refusal.Refusal!.Code);
        Assert.StartsWith(nameof(GuaranteeRefusal.InsufficientBalance), refusal.Refusal.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_node.Effects.Published, p => p.Mrn == second.Mrn);

        await _node.DeliverAsync(first, first.Passage(MessageOrigin.Partner));
        await _node.DeliverAsync(first, first.Arrival(MessageOrigin.Partner));
        await _node.DeliverAsync(first, first.Results(MessageOrigin.Partner));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _node.CompletionAsync(first)).RuntimeStatus);

        Assert.Contains($"guarantee {Grn}: amount returned", _node.Effects.StepsOf(first.Mrn)[^1].Decision.History, StringComparison.Ordinal);
        var account = (await _ledger.GetAsync(Grn, CancellationToken.None))!;
        Assert.Equal((0m, 20_000_000m), (account.Reserved, account.Balance));
        Assert.Equal([ReservationStatus.Returned], (await _ledger.ReservationsAsync(Grn, CancellationToken.None)).Select(r => r.Status));
    }

    [Fact]
    public async Task An_accepted_declaration_reserves_nothing_until_release_and_then_on_its_latest_version()
    {
        // Lodged for more than the guarantee holds: accepted all the same (nothing is reserved before release).
        var movement = Guaranteed() is var m ? new Movements(m.Mrn) { Facts = m.Facts with { Guarantee = m.Facts.Guarantee! with { AmountToBeCovered = 25_000_000m } } } : null!;
        await _node.StartAsync(movement, movement.Lodged());
        var release = movement.ReleaseGranted();
        await _node.DeliverAsync(movement, release);
        await _node.Effects.WaitUntilAsync(e => e.HasRecorded(movement.Mrn, $"refused-{release.MessageId}"), "the release refused for the balance");
        Assert.Equal([TransitStatus.Accepted], _node.Effects.StepsOf(movement.Mrn).Where(s => s.Decision.Persist).Select(s => s.Decision.Status.Transit));
        Assert.StartsWith(nameof(GuaranteeRefusal.InsufficientBalance), _node.Effects.StepsOf(movement.Mrn)[^1].Refusal!.Reason, StringComparison.Ordinal);
        Assert.Equal(20_000_000m, (await _ledger.GetAsync(Grn, CancellationToken.None))!.Balance);

        // Amended to what the guarantee covers, then released: reserved on version 2, the records sent.
        await _node.DeliverAsync(movement, movement.Amended(movement.Facts with { Guarantee = movement.Facts.Guarantee! with { AmountToBeCovered = 18_500_000m } }));
        await _node.DeliverAsync(movement, movement.ReleaseGranted());
        await _node.Effects.WaitUntilAsync(e => e.StepsOf(movement.Mrn).Any(s => s.Decision.Status.Is(TransitStatus.Released)), "the release of version 2");

        Assert.Equal(1_500_000m, (await _ledger.GetAsync(Grn, CancellationToken.None))!.Balance);
        var released = TransitStateSerializer.Deserialize(_node.Effects.StepsOf(movement.Mrn).Single(s => s.Decision.Status.Is(TransitStatus.Released)).Decision.StateJson);
        Assert.Equal(2, released.Facts!.Version);
        Assert.Equal(["IE050", "IE001"], _node.Effects.Published.Where(p => p.Mrn == movement.Mrn).Select(p => p.MessageType));
    }

    [Fact]
    public async Task An_unresolved_enquiry_keeps_the_amount_and_flags_the_guarantee()
    {
        var movement = Guaranteed();
        await _node.StartAsync(movement, movement.Released());
        await _node.DeliverAsync(movement, movement.Arrival(MessageOrigin.Partner));

        await _node.Effects.WaitUntilAsync(e => e.StepsOf(movement.Mrn).Any(s => s.Decision.Status.Name == "EnquiryUnresolved"), "the unanswered enquiry");

        var account = (await _ledger.GetAsync(Grn, CancellationToken.None))!;
        Assert.True(account.Flagged);
        Assert.Equal(18_500_000m, account.Reserved);
        Assert.Equal(ReservationStatus.Kept, (await _ledger.ReservationsAsync(Grn, CancellationToken.None)).Single(r => r.Mrn == movement.Mrn).Status);
    }
}
