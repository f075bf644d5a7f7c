using C2C.Adapters.Storage;
using C2C.Core.Guarantees;
using C2C.Core.Validation;
using C2C.Testing;

namespace C2C.Integration.Tests.Storage;

[Collection(StackCollection.Name)]
public sealed class TableGuaranteeLedgerTests(LocalStack stack)
{
    private static readonly DateOnly Release = new(2026, 11, 24);
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Route = ["BF", "TG"];

    private static Guarantee Comprehensive(string grn, decimal amount) => new(grn, GuaranteeKind.Comprehensive, amount, "XOF",
        new Principal("TG1000234567", "Sahel Transit Logistique SARL"), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ["TG", "BF"]);

    private static GuaranteeClaim Claim(string grn, decimal amount) => new(grn, "1", amount, "XOF", 0m);

    private async Task<TableGuaranteeLedger> LedgerAsync() => new(await StorageFixture.NewNodeAsync(stack));

    [Fact]
    public async Task Reserve_return_and_keep_change_the_balance_exactly_and_once_per_movement()
    {
        var ledger = await LedgerAsync();
        await ledger.RegisterAsync(Comprehensive("GRN/1#A", 1_000.10m), CancellationToken.None);

        var first = await ledger.ReserveAsync("MRN1", Claim("GRN/1#A", 600.05m), Route, Release, At, CancellationToken.None);
        var again = await ledger.ReserveAsync("MRN1", Claim("GRN/1#A", 600.05m), Route, Release, At.AddMinutes(1), CancellationToken.None);
        var second = await ledger.ReserveAsync("MRN2", Claim("GRN/1#A", 400.06m), Route, Release, At, CancellationToken.None);

        Assert.Equal(ReservationStatus.Reserved, first.Reservation!.Status);
        Assert.Equal(first.Reservation, again.Reservation);
        Assert.Equal(ErrorCodes.RuleViolation, second.Refusal!.Code);
        Assert.StartsWith(nameof(GuaranteeRefusal.InsufficientBalance), second.Refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(400.05m, (await ledger.GetAsync("GRN/1#A", CancellationToken.None))!.Balance);

        // Terms change (a higher reference amount): what is reserved stays.
        await ledger.RegisterAsync(Comprehensive("GRN/1#A", 2_000m), CancellationToken.None);
        Assert.Equal(1_399.95m, (await ledger.GetAsync("GRN/1#A", CancellationToken.None))!.Balance);

        Assert.Equal(ReservationStatus.Kept, (await ledger.SettleAsync("GRN/1#A", "MRN1", GuaranteeStep.Keep, At.AddDays(40), CancellationToken.None))!.Status);
        Assert.True((await ledger.GetAsync("GRN/1#A", CancellationToken.None))!.Flagged);
        Assert.Equal(ReservationStatus.Returned, (await ledger.SettleAsync("GRN/1#A", "MRN1", GuaranteeStep.Return, At.AddDays(41), CancellationToken.None))!.Status);
        Assert.Equal(ReservationStatus.Returned, (await ledger.SettleAsync("GRN/1#A", "MRN1", GuaranteeStep.Return, At.AddDays(42), CancellationToken.None))!.Status);
        Assert.Null(await ledger.SettleAsync("GRN/1#A", "MRN9", GuaranteeStep.Return, At, CancellationToken.None));

        var account = (await ledger.GetAsync("GRN/1#A", CancellationToken.None))!;
        Assert.Equal((0m, 2_000m, 1), (account.Reserved, account.Balance, account.Used));
        var history = await ledger.ReservationsAsync("GRN/1#A", CancellationToken.None);
        Assert.Equal([("MRN1", ReservationStatus.Returned, At.AddDays(41))], history.Select(r => (r.Mrn, r.Status, r.EndedAt!.Value)));
    }

    [Fact]
    public async Task An_unknown_grn_is_refused_and_nothing_is_written()
    {
        var ledger = await LedgerAsync();

        var result = await ledger.ReserveAsync("MRN1", Claim("NOPE", 1m), Route, Release, At, CancellationToken.None);

        Assert.Equal(ErrorCodes.IncorrectValue, result.Refusal!.Code);
        Assert.Null(await ledger.GetAsync("NOPE", CancellationToken.None));
        Assert.Empty(await ledger.ReservationsAsync("NOPE", CancellationToken.None));
    }

    /// <summary>
    /// Many releases on one GRN at the same moment, from separate ledgers (as activities on separate workers), each asked
    /// twice: exactly as many are reserved as the reference amount holds, never more, and the balance is exact.
    /// </summary>
    [Fact]
    public async Task Concurrent_releases_on_one_grn_never_overdraw_it()
    {
        var clients = await StorageFixture.NewNodeAsync(stack);
        const int movements = 24;
        const decimal each = 1_000.01m;
        const int fits = 10;
        await new TableGuaranteeLedger(clients).RegisterAsync(Comprehensive("26TG-HAMMER", each * fits + 999.99m), CancellationToken.None);

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, movements * 2).Select(i => Task.Run(async () =>
        {
            var ledger = new TableGuaranteeLedger(clients);
            await start.WaitAsync();
            return await ledger.ReserveAsync($"MRN{i % movements:00}", Claim("26TG-HAMMER", each), Route, Release, At, CancellationToken.None);
        })).ToList();
        start.Release(attempts.Count);
        var results = await Task.WhenAll(attempts);

        var reservedMovements = results.Where(r => r.Reservation is not null).Select(r => r.Reservation!.Mrn).Distinct().ToList();
        var ledgerView = new TableGuaranteeLedger(clients);
        var account = (await ledgerView.GetAsync("26TG-HAMMER", CancellationToken.None))!;
        var rows = await ledgerView.ReservationsAsync("26TG-HAMMER", CancellationToken.None);
        Assert.Equal(fits, reservedMovements.Count);
        Assert.Equal(fits, rows.Count);
        Assert.Equal(each * fits, account.Reserved);
        Assert.Equal(999.99m, account.Balance);
        Assert.Equal(fits, account.Used);
        Assert.All(results.Where(r => r.Reservation is null), r => Assert.StartsWith(nameof(GuaranteeRefusal.InsufficientBalance), r.Refusal!.Reason, StringComparison.Ordinal));

        // Everything returned at once, each twice: back to the full amount, exactly.
        await Task.WhenAll(rows.SelectMany(r => new[] { r, r }).Select(r => Task.Run(() =>
            new TableGuaranteeLedger(clients).SettleAsync("26TG-HAMMER", r.Mrn, GuaranteeStep.Return, At.AddDays(5), CancellationToken.None))));
        account = (await ledgerView.GetAsync("26TG-HAMMER", CancellationToken.None))!;
        Assert.Equal((0m, each * fits + 999.99m), (account.Reserved, account.Balance));
    }
}
