using C2C.Core.Messages;
using C2C.Core.Outbound;
using C2C.Core.Exchange;
using C2C.Core.Guarantees;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>
/// Guarantees at the country of departure: the national guarantee management registers them; this administration and
/// auditors read each with its balance and the movements using it; a partner whose office takes part in a movement may
/// query the guarantee that movement names (NCTS IE034/IE037), answered with a signed IE037.
/// </summary>
public static class GuaranteeEndpoints
{
    public static void MapGuaranteeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/guarantees").WithTags("Guarantees");
        group.MapPut("/{grn}", RegisterAsync).WithSummary("Register a guarantee or change its terms (this administration's guarantee management); reservations stay");
        group.MapGet("/{grn}", GetAsync).WithSummary("A guarantee: terms, balance, every movement that reserved against it (this administration, auditors)");
        group.MapGet("/{grn}/query", QueryAsync).WithSummary("Query on a guarantee (NCTS IE034): signed IE037 with its balance and whether it covers the movement ?mrn=");
    }

    private static async Task<IResult> RegisterAsync(string grn, GuaranteeBody body, HttpContext context, CallerResolver callers, NodeContext node, IGuaranteeLedger ledger)
    {
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return Problem(401, "Not authenticated", caller.Message);
        if (!caller.Partner!.Has(PartnerRole.Partner) || caller.Partner.Country != node.Country)
            return Problem(403, "Not this administration", $"only {node.Country}'s own systems register {node.Country}'s guarantees", "NotThisAdministration");
        var guarantee = new Guarantee(grn, body.Kind, body.ReferenceAmount, body.Currency ?? "", new Principal(body.Principal?.IdentificationNumber ?? "", body.Principal?.Name ?? ""),
            body.ValidFrom, body.ValidTo, body.Countries ?? []);
        if (guarantee.Problem() is { } problem)
            return Problem(400, "Invalid guarantee", problem, "InvalidGuarantee");
        await ledger.RegisterAsync(guarantee, context.RequestAborted);
        return Results.Json(View(await ledger.GetAsync(grn, context.RequestAborted) ?? throw new InvalidOperationException($"GRN {grn} registered but not found"), []));
    }

    private static async Task<IResult> GetAsync(string grn, HttpContext context, CallerResolver callers, NodeContext node, IGuaranteeLedger ledger)
    {
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return Problem(401, "Not authenticated", caller.Message);
        if (!caller.Partner!.Has(PartnerRole.Auditor) && caller.Partner.Country != node.Country)
            return Problem(403, "Not allowed", "a partner administration queries a guarantee for a movement: GET /api/v1/guarantees/{grn}/query?mrn=", "RoleNotGranted");
        if (await ledger.GetAsync(grn, context.RequestAborted) is not { } account)
            return Problem(404, "Unknown guarantee", $"GRN {grn} is not registered at this node.");
        return Results.Json(View(account, await ledger.ReservationsAsync(grn, context.RequestAborted)));
    }

    private static async Task<IResult> QueryAsync(string grn, string? mrn, HttpContext context, CallerResolver callers, NodeContext node, IGuaranteeLedger ledger,
        IMovementIndex index, IMessageSigner signer, TimeProvider clock)
    {
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return Problem(401, "Not authenticated", caller.Message);
        var party = caller.Partner!;
        var ours = party.Has(PartnerRole.Auditor) || party.Country == node.Country;
        if (!ours)
        {
            // A partner asks about the guarantee of a movement its offices take part in, and only the one that movement names.
            if (string.IsNullOrEmpty(mrn))
                return Problem(403, "Name the movement", "a partner administration queries the guarantee of a movement: ?mrn=", "NotAPartyToTheMovement");
            var read = PartnerAuthorization.AuthorizeRead(party, mrn, await index.HistoryAsync(mrn, context.RequestAborted));
            var named = await index.GetAsync(mrn, context.RequestAborted) is { } record && MovementDecision.HasState(record)
                ? TransitStateSerializer.Deserialize(record.StateJson).Facts?.Guarantee?.Grn
                : null;
            if (!read.IsAllowed || named != grn)
                return Problem(403, "Not a party to this movement", $"no movement '{mrn}' at this node that involves an office of '{party.Id}' names GRN {grn}", "NotAPartyToTheMovement");
        }
        if (await ledger.GetAsync(grn, context.RequestAborted) is not { } account)
            return Problem(404, "Unknown guarantee", $"GRN {grn} is not registered at this node.");
        var reservation = mrn is null ? null : (await ledger.ReservationsAsync(grn, context.RequestAborted)).FirstOrDefault(r => r.Mrn == mrn);
        var now = clock.GetUtcNow();
        var xml = GuaranteeQueryResponse.Compose(MessageIds.Derive(node.Country, MessageCodes.GuaranteeQueryResponse, grn, mrn ?? "", party.Id, now.ToString("O")), node.GatewayOffice,
            NodeOffices.Gateway(party.Country), account, string.IsNullOrEmpty(mrn) ? null : mrn, reservation, now);
        return XmlResult.Of(signer.Sign(xml), 200, "GuaranteeQueryResponse");
    }

    private static object View(GuaranteeAccount account, IReadOnlyList<Reservation> reservations) => new
    {
        account.Guarantee.Grn,
        Kind = account.Guarantee.Kind.ToString(),
        account.Guarantee.ReferenceAmount,
        account.Guarantee.Currency,
        account.Reserved,
        account.Balance,
        account.Used,
        account.Flagged,
        account.Guarantee.Principal,
        account.Guarantee.ValidFrom,
        account.Guarantee.ValidTo,
        account.Guarantee.Countries,
        Movements = reservations.Select(r => new { r.Mrn, r.Amount, r.Currency, Status = r.Status.ToString(), r.ReservedAt, r.EndedAt }),
    };

    private static IResult Problem(int status, string title, string detail, string? code = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code });
}
