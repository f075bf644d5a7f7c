using C2C.Core.Archive;
using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>Auditor and operations views (auditor role): a movement's integrity, movements by status.</summary>
public static class AuditEndpoints
{
    /// <summary>The statuses the operations view offers (departure, receiving and cargo views).</summary>
    public static readonly string[] OpsStatuses =
    [
        "Released", "InTransit", "Arrived", "Overdue", "UnderEnquiry", "EnquiryUnresolved",
        "ExpectedAtBorder", "ExpectedAtDestination", "ArrivedAtDestination", "UnexpectedArrival",
        "Announced", "ArrivedWithoutPreArrival",
    ];

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit");
        group.MapGet("/movements/{reference}/integrity", IntegrityAsync)
            .WithSummary("Verify a movement: hash chain, archived originals against the indexed hashes, partner signatures (auditor role)");
        group.MapGet("/movements", ByStatusAsync).WithSummary("Movements with a status, e.g. InTransit, Overdue, UnderEnquiry (auditor role)");
        group.MapGet("/alerts", AlertsAsync).WithSummary("Partner deliveries refused and dead-lettered (bad signature, wrong sender, invalid message), newest first (auditor role)");
    }

    private static async Task<IResult> AlertsAsync(HttpContext context, CallerResolver callers, IAlertLog alerts, int? max)
    {
        if (ArchiveEndpoints.Forbidden(context, callers) is { } denied)
            return denied;
        return Results.Json(await alerts.RecentAsync(Math.Clamp(max ?? 100, 1, 500), context.RequestAborted));
    }

    private static async Task<IResult> IntegrityAsync(string reference, HttpContext context, CallerResolver callers, IMovementIndex index,
        IMessageArchive archive, ISignatureVerifier verifier, NodeContext node)
    {
        if (ArchiveEndpoints.Forbidden(context, callers) is { } denied)
            return denied;
        var history = await index.HistoryAsync(reference, context.RequestAborted);
        if (history.Count == 0)
            return Results.Problem(statusCode: 404, title: "Unknown movement", detail: $"No history for '{reference}' at this node.");
        var state = await index.GetAsync(reference, context.RequestAborted);
        var contents = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        foreach (var name in history.Select(e => e.ArchiveName).Where(n => n.Length > 0).Distinct())
            contents[name] = (await archive.ReadAsync(name, context.RequestAborted))?.Content;
        var checks = MovementIntegrity.Check(history, state?.HeadHash, contents, node.Country, (xml, office, receivedAt) => verifier.Verify(xml, office, receivedAt));
        return Results.Json(new { MovementReference = reference, Passed = checks.All(c => c.Passed), CheckedAt = DateTimeOffset.UtcNow, Checks = checks });
    }

    private static async Task<IResult> ByStatusAsync(HttpContext context, CallerResolver callers, IMovementIndex index, string? status, int? max)
    {
        if (ArchiveEndpoints.Forbidden(context, callers) is { } denied)
            return denied;
        if (status is null || !OpsStatuses.Contains(status))
            return Results.Problem(statusCode: 400, title: "Unknown status", detail: $"status must be one of: {string.Join(", ", OpsStatuses)}");
        var records = await index.ByStatusAsync(status, Math.Clamp(max ?? 100, 1, 500), context.RequestAborted);
        return Results.Json(records.Select(r => new { r.MovementReference, r.Status, Sequence = r.EventCount, r.UpdatedAt, r.Attributes }));
    }
}
