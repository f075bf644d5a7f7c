using C2C.Core.Guarantees;
using C2C.Core.Validation;
using CsCheck;

namespace C2C.Core.Tests.Guarantees;

public sealed class GuaranteeRulesTests
{
    private static readonly DateOnly Release = new(2026, 11, 24);
    private static readonly string[] Route = ["BF", "TG"];

    private static Guarantee Comprehensive(decimal amount = 20_000_000m) => new("26TG0000000001234", GuaranteeKind.Comprehensive, amount, "XOF",
        new Principal("TG1000234567", "Sahel Transit Logistique SARL"), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ["TG", "BF"]);

    private static GuaranteeAccount Account(Guarantee g, decimal reserved = 0, int used = 0) => new(g, reserved, used, false);

    private static GuaranteeClaim Claim(decimal amount = 18_500_000m, decimal goods = 14_100_000m, string type = "1", string currency = "XOF") =>
        new("26TG0000000001234", type, amount, currency, goods);

    [Fact]
    public void The_amount_at_risk_is_the_declared_amount_or_the_goods_value_whichever_is_larger()
    {
        Assert.Equal(18_500_000m, Claim(18_500_000m, 14_100_000m).AmountAtRisk);
        Assert.Equal(14_100_000m, Claim(1_000m, 14_100_000m).AmountAtRisk);
    }

    [Fact]
    public void A_release_within_the_balance_reserves_its_amount_at_risk()
    {
        var decision = GuaranteeRules.Reserve(Account(Comprehensive(), reserved: 1_000_000m, used: 1), Claim(), Route, Release);

        Assert.True(decision.IsReserved);
        Assert.Equal(19_500_000m, decision.Account!.Reserved);
        Assert.Equal(500_000m, decision.Account.Balance);
        Assert.Equal(2, decision.Account.Used);
    }

    public static TheoryData<string, GuaranteeRefusal, string> Refusals => new()
    {
        { "unknown", GuaranteeRefusal.Unknown, ErrorCodes.IncorrectValue },
        { "individual code on a comprehensive guarantee", GuaranteeRefusal.WrongKind, ErrorCodes.RuleViolation },
        { "released before validity", GuaranteeRefusal.NotYetValid, ErrorCodes.RuleViolation },
        { "expired", GuaranteeRefusal.Expired, ErrorCodes.RuleViolation },
        { "route through Niger", GuaranteeRefusal.NotValidForCountry, ErrorCodes.RuleViolation },
        { "in euros", GuaranteeRefusal.WrongCurrency, ErrorCodes.RuleViolation },
        { "individual used", GuaranteeRefusal.AlreadyUsed, ErrorCodes.RuleViolation },
        { "balance short", GuaranteeRefusal.InsufficientBalance, ErrorCodes.RuleViolation },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_release_the_guarantee_does_not_cover_is_refused_with_a_functional_nack(string situation, GuaranteeRefusal expected, string code)
    {
        var g = Comprehensive();
        var individual = g with { Kind = GuaranteeKind.Individual };
        var decision = situation switch
        {
            "unknown" => GuaranteeRules.Reserve(null, Claim(), Route, Release),
            "individual code on a comprehensive guarantee" => GuaranteeRules.Reserve(Account(g), Claim(type: "2"), Route, Release),
            "released before validity" => GuaranteeRules.Reserve(Account(g), Claim(), Route, new DateOnly(2025, 12, 31)),
            "expired" => GuaranteeRules.Reserve(Account(g), Claim(), Route, new DateOnly(2027, 1, 1)),
            "route through Niger" => GuaranteeRules.Reserve(Account(g), Claim(), ["BF", "NE", "TG"], Release),
            "in euros" => GuaranteeRules.Reserve(Account(g), Claim(currency: "EUR"), Route, Release),
            "individual used" => GuaranteeRules.Reserve(Account(individual, used: 1), Claim(type: "2"), Route, Release),
            _ => GuaranteeRules.Reserve(Account(g, reserved: 1_500_001m, used: 1), Claim(), Route, Release),
        };

        Assert.False(decision.IsReserved);
        Assert.Equal(expected, decision.Refusal);
        Assert.Equal(code, decision.Error!.Code);
        Assert.StartsWith(expected.ToString(), decision.Error.Reason, StringComparison.Ordinal);
        Assert.Equal(GuaranteeRules.GrnPointer, decision.Error.Pointer);
    }

    [Fact]
    public void Only_a_country_on_the_route_outside_the_guarantee_refuses_it()
    {
        var decision = GuaranteeRules.Reserve(Account(Comprehensive()), Claim(), ["BF", "NE", "TG"], Release);

        Assert.Contains("not valid in NE (valid in TG, BF)", decision.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_gives_the_amount_back_once_and_keep_holds_it_and_flags_the_guarantee()
    {
        var at = DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var reserved = GuaranteeRules.Reserve(Account(Comprehensive()), Claim(), Route, Release).Account!;
        var reservation = new Reservation("26TG0000000001234", "26TGLOM000000142J4", 18_500_000m, "XOF", ReservationStatus.Reserved, at);

        var (kept, keptReservation) = GuaranteeRules.Keep(reserved, reservation, at);
        Assert.True(kept.Flagged);
        Assert.Equal(18_500_000m, kept.Reserved);
        Assert.Equal(ReservationStatus.Kept, keptReservation.Status);

        var (returned, returnedReservation) = GuaranteeRules.Return(kept, keptReservation, at);
        Assert.Equal(0m, returned.Reserved);
        Assert.Equal(ReservationStatus.Returned, returnedReservation.Status);
        Assert.Equal((returned, returnedReservation), GuaranteeRules.Return(returned, returnedReservation, at));
        Assert.Equal((returned, returnedReservation), GuaranteeRules.Keep(returned, returnedReservation, at));
    }

    /// <summary>
    /// Any interleaving of releases, returns and keeps on one comprehensive guarantee: the balance never goes below zero,
    /// what is reserved is exactly the sum of the reservations still held, and a refusal for the balance happens only when
    /// the amount at risk really exceeds it.
    /// </summary>
    [Fact]
    public void Balance_never_overdrawn_and_reserved_equals_what_the_movements_hold()
    {
        var step = Gen.Frequency(
            (3, Gen.Int[1, 9_000_000].Select(a => (Kind: 'R', Amount: (decimal)a * 1.25m, Movement: 0))),
            (2, Gen.Int[0, 30].Select(m => (Kind: 'B', Amount: 0m, Movement: m))),
            (1, Gen.Int[0, 30].Select(m => (Kind: 'K', Amount: 0m, Movement: m))));
        step.Array[1, 60].Sample(steps =>
        {
            var account = Account(Comprehensive());
            var held = new List<Reservation>();
            var at = DateTimeOffset.UnixEpoch;
            foreach (var (kind, amount, movement) in steps)
            {
                if (kind == 'R')
                {
                    var balanceBefore = account.Balance;
                    var decision = GuaranteeRules.Reserve(account, Claim(amount, 0m), Route, Release);
                    Assert.Equal(amount <= balanceBefore, decision.IsReserved);
                    if (decision.IsReserved)
                    {
                        account = decision.Account!;
                        held.Add(new Reservation(account.Guarantee.Grn, $"M{held.Count}", amount, "XOF", ReservationStatus.Reserved, at));
                    }
                }
                else if (held.Count > 0)
                {
                    var i = movement % held.Count;
                    (account, var settled) = kind == 'B' ? GuaranteeRules.Return(account, held[i], at) : GuaranteeRules.Keep(account, held[i], at);
                    held[i] = settled;
                }
                Assert.True(account.Balance >= 0);
                Assert.Equal(held.Where(r => r.Status != ReservationStatus.Returned).Sum(r => r.Amount), account.Reserved);
            }
        });
    }
}
