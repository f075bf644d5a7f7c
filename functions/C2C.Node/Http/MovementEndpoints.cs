using System.Text.Json;
using C2C.Core.Archive;
using C2C.Core.Ports;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>Movement state and history (any authenticated party: partner office systems and auditors).</summary>
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
        if (Unauthorized(context, callers) is { } denied)
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
            // Partner messages that came before the one they follow, waiting (applied in order, or refused when the hold ends).
            Held = record.HeldMessages,
            State = JsonDocument.Parse(record.StateJson).RootElement,
        });
    }

    private static async Task<IResult> HistoryAsync(string reference, HttpContext context, CallerResolver callers, IMovementIndex index)
    {
        if (Unauthorized(context, callers) is { } denied)
            return denied;
        var history = await index.HistoryAsync(reference, context.RequestAborted);
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

    internal static IResult? Unauthorized(HttpContext context, CallerResolver callers)
    {
        var caller = callers.Resolve(context);
        return caller.IsAllowed ? null : Results.Problem(statusCode: 401, title: "Not authenticated", detail: caller.Message);
    }
}
