using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>
/// Operations (Operator role only): the dead-letter queues of this node's subscriptions, listed with their reason and
/// archived copy, one inspected, a selection replayed through the normal inbound path or purged, and the journal of
/// every replay and purge (docs/observability.md).
/// </summary>
public static class OperationsEndpoints
{
    /// <summary>The replay or purge request: the message ids of the deliveries to act on.</summary>
    public sealed record Selection(IReadOnlyList<string> MessageIds);

    public static void MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ops").WithTags("Operations");
        group.MapGet("/dead-letters", ListAsync).WithSummary("Dead-lettered deliveries of every family (or ?family=), with reason and archived copy (operator role)");
        group.MapGet("/dead-letters/{family}/{messageId}", InspectAsync).WithSummary("One dead-lettered delivery with its XML as delivered (operator role)");
        group.MapPost("/dead-letters/{family}/replay", ReplayAsync)
            .WithSummary("Replay the selected deliveries through the normal inbound path, same message id (operator role; recorded)");
        group.MapPost("/dead-letters/{family}/purge", PurgeAsync).WithSummary("Remove the selected deliveries from the dead-letter queue (operator role; recorded)");
        group.MapGet("/journal", JournalAsync).WithSummary("Every replay and purge, newest first: who, when, what, result (operator role)");
    }

    private static async Task<IResult> ListAsync(HttpContext context, CallerResolver callers, IServiceProvider services, string? family, int? max)
    {
        if (Denied(context, callers, out _) is { } denied)
            return denied;
        if (services.GetService<DeadLetterDesk>() is not { } desk)
            return NoBroker();
        MessageFamily[] families;
        if (family is null)
            families = Enum.GetValues<MessageFamily>();
        else if (Family(family) is { } one)
            families = [one];
        else
            return UnknownFamily(family);
        var all = new List<DeadLetterView>();
        foreach (var f in families)
            all.AddRange(await desk.ListAsync(f, Math.Clamp(max ?? 100, 1, DeadLetterDesk.MaxPerPass), context.RequestAborted));
        return Results.Json(all);
    }

    private static async Task<IResult> InspectAsync(string family, string messageId, HttpContext context, CallerResolver callers, IServiceProvider services)
    {
        if (Denied(context, callers, out _) is { } denied)
            return denied;
        if (services.GetService<DeadLetterDesk>() is not { } desk)
            return NoBroker();
        if (Family(family) is not { } f)
            return UnknownFamily(family);
        return await desk.InspectAsync(f, messageId, context.RequestAborted) is { } found
            ? Results.Json(new { found.View, Xml = System.Text.Encoding.UTF8.GetString(found.Body.Span) })
            : Results.Problem(statusCode: 404, title: "Not dead-lettered", detail: $"No dead-lettered {f} delivery with message id '{messageId}'.");
    }

    private static Task<IResult> ReplayAsync(string family, Selection selection, HttpContext context, CallerResolver callers, IServiceProvider services) =>
        SettleAsync(family, selection, context, callers, services, (desk, f, ids, by, ct) => desk.ReplayAsync(f, ids, by, ct));

    private static Task<IResult> PurgeAsync(string family, Selection selection, HttpContext context, CallerResolver callers, IServiceProvider services) =>
        SettleAsync(family, selection, context, callers, services, (desk, f, ids, by, ct) => desk.PurgeAsync(f, ids, by, ct));

    private static async Task<IResult> SettleAsync(string family, Selection selection, HttpContext context, CallerResolver callers, IServiceProvider services,
        Func<DeadLetterDesk, MessageFamily, IReadOnlyList<string>, string, CancellationToken, Task<IReadOnlyList<DeadLetterResult>>> act)
    {
        if (Denied(context, callers, out var by) is { } denied)
            return denied;
        if (services.GetService<DeadLetterDesk>() is not { } desk)
            return NoBroker();
        if (Family(family) is not { } f)
            return UnknownFamily(family);
        if (selection.MessageIds is not { Count: > 0 and <= DeadLetterDesk.MaxPerPass } ids)
            return Results.Problem(statusCode: 400, title: "Select deliveries", detail: $"Give 1 to {DeadLetterDesk.MaxPerPass} message ids in messageIds.");
        return Results.Json(await act(desk, f, ids, by, context.RequestAborted));
    }

    private static async Task<IResult> JournalAsync(HttpContext context, CallerResolver callers, IOperationsJournal journal, int? max)
    {
        if (Denied(context, callers, out _) is { } denied)
            return denied;
        return Results.Json(await journal.RecentAsync(Math.Clamp(max ?? 100, 1, 1000), context.RequestAborted));
    }

    private static IResult? Denied(HttpContext context, CallerResolver callers, out string by)
    {
        by = "";
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return Results.Problem(statusCode: 401, title: "Not authenticated", detail: caller.Message);
        var operate = PartnerAuthorization.AuthorizeOperate(caller.Partner!);
        by = caller.Partner!.Id;
        return operate.IsAllowed ? null : Results.Problem(statusCode: 403, title: "Operator role required", detail: operate.Message);
    }

    private static MessageFamily? Family(string text) =>
        Enum.TryParse<MessageFamily>(text, ignoreCase: true, out var family) && Enum.IsDefined(family) ? family : null;

    private static IResult UnknownFamily(string family) =>
        Results.Problem(statusCode: 404, title: "Unknown family", detail: $"'{family}' is none of {string.Join(", ", Enum.GetNames<MessageFamily>())}.");

    private static IResult NoBroker() =>
        Results.Problem(statusCode: 404, title: "No broker", detail: "C2C:Messaging:Provider is None: this node has no subscriptions, so nothing is dead-lettered.");
}
