using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using C2C.Core.Guarantees;
using C2C.Core.Ports;

namespace C2C.Adapters.Storage;

/// <summary>
/// Guarantees in their own table: one partition per GRN, the account row (terms, reserved total, ETag) and one row per
/// movement (<c>mrn|{MRN}</c>). A reservation or its return changes both rows in one entity-group transaction, the
/// account conditional on the ETag it was decided on: a concurrent change fails it (412) and it is decided again on
/// fresh rows, so two releases on one GRN at the same moment never overdraw it. Amounts are whole minor units (Int64): exact.
/// </summary>
public sealed class TableGuaranteeLedger(StorageClients clients) : IGuaranteeLedger
{
    private const string AccountRow = "account";
    private const int Attempts = 50;

    private readonly TableClient _table = clients.Table(clients.Names.Guarantees);

    public async Task RegisterAsync(Guarantee guarantee, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAccountAsync(guarantee.Grn, cancellationToken);
            var entity = ToEntity(current is null ? new GuaranteeAccount(guarantee, 0, 0, false) : current.Value.Account with { Guarantee = guarantee });
            try
            {
                if (current is null)
                    await _table.AddEntityAsync(entity, cancellationToken);
                else
                    await _table.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    public async Task<GuaranteeAccount?> GetAsync(string grn, CancellationToken cancellationToken) =>
        (await ReadAccountAsync(grn, cancellationToken))?.Account;

    public async Task<IReadOnlyList<Reservation>> ReservationsAsync(string grn, CancellationToken cancellationToken)
    {
        var rows = new List<Reservation>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Key(grn)} and RowKey gt {"mrn|"} and RowKey lt {"mrn}"}"),
                           cancellationToken: cancellationToken))
            rows.Add(ToReservation(grn, e));
        return rows.OrderBy(r => r.ReservedAt).ThenBy(r => r.Mrn, StringComparer.Ordinal).ToList();
    }

    public async Task<ReservationResult> ReserveAsync(string mrn, GuaranteeClaim claim, IReadOnlyCollection<string> routeCountries, DateOnly releaseDate, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAccountAsync(claim.Grn, cancellationToken);
            if (await ReadReservationAsync(claim.Grn, mrn, cancellationToken) is { } existing)
                return new ReservationResult(existing.Reservation, current?.Account, null); // asked again: reserved once
            var decision = GuaranteeRules.Reserve(current?.Account, claim, routeCountries, releaseDate);
            if (!decision.IsReserved)
                return new ReservationResult(null, current?.Account, decision.Error);
            var reservation = new Reservation(claim.Grn, mrn, claim.AmountAtRisk, claim.Currency, ReservationStatus.Reserved, at);
            try
            {
                await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(decision.Account!), current!.Value.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(reservation)),
                ], cancellationToken);
                return new ReservationResult(reservation, decision.Account, null);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                await BackOffAsync(attempt, cancellationToken); // another movement changed the balance (or this one was reserved meanwhile): decide again
            }
        }
    }

    public async Task<Reservation?> SettleAsync(string grn, string mrn, GuaranteeStep step, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (step is not (GuaranteeStep.Return or GuaranteeStep.Keep))
            throw new ArgumentOutOfRangeException(nameof(step), step, "only a return or a keep settles a reservation");
        for (var attempt = 1; ; attempt++)
        {
            if (await ReadReservationAsync(grn, mrn, cancellationToken) is not { } held || await ReadAccountAsync(grn, cancellationToken) is not { } account)
                return null;
            var (next, settled) = step == GuaranteeStep.Return
                ? GuaranteeRules.Return(account.Account, held.Reservation, at)
                : GuaranteeRules.Keep(account.Account, held.Reservation, at);
            if (settled == held.Reservation)
                return settled; // done before: nothing changes twice
            try
            {
                await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(next), account.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(settled), held.ETag),
                ], cancellationToken);
                return settled;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    private async Task<(GuaranteeAccount Account, ETag ETag)?> ReadAccountAsync(string grn, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Key(grn), AccountRow, cancellationToken: cancellationToken);
        return row.HasValue ? (ToAccount(grn, row.Value!), row.Value!.ETag) : null;
    }

    private async Task<(Reservation Reservation, ETag ETag)?> ReadReservationAsync(string grn, string mrn, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Key(grn), "mrn|" + mrn, cancellationToken: cancellationToken);
        return row.HasValue ? (ToReservation(grn, row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>Jittered, growing: many releases on one GRN at once spread out instead of colliding again.</summary>
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(Random.Shared.Next(5, 10 + 10 * Math.Min(attempt, 20)), cancellationToken);

    private static TableEntity ToEntity(GuaranteeAccount a)
    {
        var g = a.Guarantee;
        return new TableEntity(Key(g.Grn), AccountRow)
        {
            ["Grn"] = g.Grn, ["Kind"] = g.Kind.ToString(), ["ReferenceMinor"] = Minor(g.ReferenceAmount), ["Currency"] = g.Currency,
            ["PrincipalId"] = g.Principal.IdentificationNumber, ["PrincipalName"] = g.Principal.Name,
            ["ValidFrom"] = g.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["ValidTo"] = g.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Countries"] = string.Join(",", g.Countries), ["ReservedMinor"] = Minor(a.Reserved), ["Used"] = a.Used, ["Flagged"] = a.Flagged,
        };
    }

    private static GuaranteeAccount ToAccount(string grn, TableEntity e) => new(
        new Guarantee(grn, Enum.Parse<GuaranteeKind>(e.GetString("Kind")!), Major(e.GetInt64("ReferenceMinor")), e.GetString("Currency")!,
            new Principal(e.GetString("PrincipalId") ?? "", e.GetString("PrincipalName") ?? ""),
            DateOnly.Parse(e.GetString("ValidFrom")!, CultureInfo.InvariantCulture), DateOnly.Parse(e.GetString("ValidTo")!, CultureInfo.InvariantCulture),
            (e.GetString("Countries") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)),
        Major(e.GetInt64("ReservedMinor")), e.GetInt32("Used") ?? 0, e.GetBoolean("Flagged") ?? false);

    private static TableEntity ToEntity(Reservation r) => new(Key(r.Grn), "mrn|" + r.Mrn)
    {
        ["Mrn"] = r.Mrn, ["AmountMinor"] = Minor(r.Amount), ["Currency"] = r.Currency, ["Status"] = r.Status.ToString(), ["ReservedAt"] = r.ReservedAt, ["EndedAt"] = r.EndedAt,
    };

    private static Reservation ToReservation(string grn, TableEntity e) => new(grn, e.GetString("Mrn")!, Major(e.GetInt64("AmountMinor")), e.GetString("Currency")!,
        Enum.Parse<ReservationStatus>(e.GetString("Status")!), e.GetDateTimeOffset("ReservedAt") ?? default, e.GetDateTimeOffset("EndedAt"));

    private static long Minor(decimal amount) => decimal.ToInt64(decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero));

    private static decimal Major(long? minor) => (minor ?? 0) / 100m;

    /// <summary>A GRN is free text (Text35): characters a table key may not hold are escaped as ~XX.</summary>
    internal static string Key(string grn)
    {
        var key = new StringBuilder(grn.Length);
        foreach (var c in grn)
        {
            if (c is '/' or '\\' or '#' or '?' or '~' || char.IsControl(c))
                key.Append('~').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                key.Append(c);
        }
        return key.ToString();
    }
}
