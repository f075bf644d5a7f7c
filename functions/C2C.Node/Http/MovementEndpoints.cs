using System.Text.Json;
using C2C.Core.Archive;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Node.Security;
using C2C.Orchestration.HandOff;
using Microsoft.DurableTask.Client;

namespace C2C.Node.Http;

/// <summary>Movement state and history: auditors read every movement, a partner those its offices take part in.</summary>
public static class MovementEndpoints
{
    public static void MapMovementEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/movements").WithTags("Movements");
        group.MapGet("/{reference}", GetAsync).WithSummary("Current state of a movement (MRN) or cargo record (consignment / voyage)");
        group.MapGet("/{reference}/history", HistoryAsync).WithSummary("Every applied message in order, with archive names and the hash chain");
    }

    private static async Task<IResult> GetAsync(string reference, HttpContext context, CallerResolver callers, IMovementIndex index)
    {
        if (await ForbiddenAsync(reference, context, callers, index) is { } denied)
            return denied;
        var record = await index.GetAsync(reference, context.RequestAborted);
        if (record is null)
            return Results.Problem(statusCode: 404, title: "Unknown movement", detail: $"No movement or cargo record '{reference}' at this node.");
        return Results.Json(new
        {
            record.MovementReference,
            record.Status,
            Sequence = record.EventCount,
            record.HeadHash,
            record.UpdatedAt,
            record.Attributes,
            State = JsonDocument.Parse(record.StateJson).RootElement,
            // A movement's orchestration (where this host runs the engine): running or not, what it holds, when it wakes next.
            Orchestration = context.RequestServices.GetService<DurableTaskClient>() is { } engine
                ? await MovementOrchestrationStatus.ReadAsync(engine, record, context.RequestAborted)
                : null,
        });
    }

    private static async Task<IResult> HistoryAsync(string reference, HttpContext context, CallerResolver callers, IMovementIndex index)
    {
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return NotAuthenticated(caller);
        var history = await index.HistoryAsync(reference, context.RequestAborted);
        if (Forbidden(caller.Partner!, reference, history) is { } denied)
            return denied;
        if (history.Count == 0)
            return Results.Problem(statusCode: 404, title: "Unknown movement", detail: $"No history for '{reference}' at this node.");
        var state = await index.GetAsync(reference, context.RequestAborted);
        return Results.Json(new
        {
            MovementReference = reference,
            ChainIntact = EventHashChain.FirstBroken(history, state?.HeadHash) is null,
            Events = history,
        });
    }

    private static async Task<IResult?> ForbiddenAsync(string reference, HttpContext context, CallerResolver callers, IMovementIndex index)
    {
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return NotAuthenticated(caller);
        // Auditors read everything: their answer needs no history.
        var party = caller.Partner!;
        return Forbidden(party, reference, party.Has(PartnerRole.Auditor) ? [] : await index.HistoryAsync(reference, context.RequestAborted));
    }

    private static IResult NotAuthenticated(AccessDecision caller) => Results.Problem(statusCode: 401, title: "Not authenticated", detail: caller.Message);

    /// <summary>403 for a partner none of whose offices took part in the movement (an unknown one included).</summary>
    private static IResult? Forbidden(Partner party, string reference, IReadOnlyList<MovementEvent> history)
    {
        var read = PartnerAuthorization.AuthorizeRead(party, reference, history);
        return read.IsAllowed ? null : Results.Problem(statusCode: 403, title: "Not a party to this movement", detail: read.Message,
            extensions: new Dictionary<string, object?> { ["code"] = read.Code });
    }
}
