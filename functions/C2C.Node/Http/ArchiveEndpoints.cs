using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>Read-only archive access for auditors: search by tags, download an original byte-for-byte.</summary>
public static class ArchiveEndpoints
{
    public static void MapArchiveEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/archive").WithTags("Audit");
        group.MapGet("/", SearchAsync).WithSummary("Search the archive (auditor role): mrn, type, office, from, to, direction, max");
        group.MapGet("/{**name}", DownloadAsync).WithSummary("The original XML exactly as archived (auditor role)");
    }

    private static async Task<IResult> SearchAsync(HttpContext context, CallerResolver callers, IMessageArchive archive,
        string? mrn, string? type, string? office, DateOnly? from, DateOnly? to, MessageDirection? direction, int? max)
    {
        if (Forbidden(context, callers) is { } denied)
            return denied;
        var query = new ArchiveQuery(MovementReference: mrn, MessageType: type, Office: office, From: from, To: to, Direction: direction, Max: Math.Clamp(max ?? 200, 1, 1000));
        if (!query.HasCriteria)
            return Results.Problem(statusCode: 400, title: "Search needs a criterion", detail: "Give at least one of mrn, type, office, from, to.");
        try
        {
            return Results.Json(await archive.SearchAsync(query, context.RequestAborted));
        }
        catch (ArgumentException e)
        {
            return Results.Problem(statusCode: 400, title: "Invalid search", detail: e.Message);
        }
    }

    private static async Task<IResult> DownloadAsync(string name, HttpContext context, CallerResolver callers, IMessageArchive archive)
    {
        if (Forbidden(context, callers) is { } denied)
            return denied;
        var stored = await archive.ReadAsync(name, context.RequestAborted);
        if (stored is null)
            return Results.Problem(statusCode: 404, title: "Not archived", detail: $"No archived message '{name}'.");
        context.Response.Headers["X-Content-Sha256"] = stored.Message.Sha256;
        context.Response.Headers["X-Signature-Status"] = stored.Message.SignatureStatus;
        return Results.File(stored.Content, "application/xml", Path.GetFileName(name));
    }

    internal static IResult? Forbidden(HttpContext context, CallerResolver callers)
    {
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return Results.Problem(statusCode: 401, title: "Not authenticated", detail: caller.Message);
        var audit = PartnerAuthorization.AuthorizeAudit(caller.Partner!);
        return audit.IsAllowed ? null : Results.Problem(statusCode: 403, title: "Auditor role required", detail: audit.Message);
    }
}
