using C2C.Core.Archive;
using C2C.Core.Exchange;
using C2C.Core.Cargo;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Node.Security;
using C2C.Orchestration.HandOff;
using Microsoft.DurableTask.Client;

namespace C2C.Node.Http;

/// <summary>Auditor and operations views (auditor role): a movement's integrity, movements by status.</summary>
public static class AuditEndpoints
{
    /// <summary>
    /// The operations view's lists (departure, receiving and cargo views), each gathering statuses: "in transit" is a
    /// movement released and not yet arrived, whether or not it has crossed a border yet (Released or InTransit).
    /// </summary>
    private static readonly (string View, MovementStatus[] Statuses)[] OpsViews =
    [
        (nameof(TransitStatus.InTransit), [TransitStatus.Released, TransitStatus.InTransit]), View(TransitStatus.Released), View(TransitStatus.Arrived),
        View(TransitStatus.Overdue), View(TransitStatus.UnderEnquiry), View(TransitStatus.EnquiryUnresolved),
        View(TransitStatus.ExpectedAtBorder), View(TransitStatus.ExpectedAtDestination), View(TransitStatus.ArrivedAtDestination),
        View(TransitStatus.UnexpectedArrival), View(CargoStatus.Announced), View(CargoStatus.ArrivedWithoutPreArrival),
    ];

    private static (string, MovementStatus[]) View(MovementStatus status) => (status.Name, [status]);

    /// <summary>The views the console offers, in order.</summary>
    public static readonly string[] OpsStatuses = [.. OpsViews.Select(v => v.View)];

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit");
        group.MapGet("/movements/{reference}/integrity", IntegrityAsync)
            .WithSummary("Verify a movement: hash chain, archived originals against the indexed hashes, partner signatures (auditor role)");
        group.MapGet("/movements", ByStatusAsync).WithSummary("Movements in an operations view, e.g. InTransit (Released or InTransit), Overdue, UnderEnquiry (auditor role)");
        group.MapGet("/alerts", AlertsAsync).WithSummary("Partner messages refused (bad signature, wrong sender or office, invalid message: dead-lettered; functional refusals: RefusedNN, NACKed), over the broker or HTTP, newest first (auditor role)");
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
        if (OpsViews.FirstOrDefault(v => v.View == status).Statuses is not { } statuses)
            return Results.Problem(statusCode: 400, title: "Unknown status", detail: $"status must be one of: {string.Join(", ", OpsStatuses)}");
        var limit = Math.Clamp(max ?? 100, 1, 500);
        var records = new List<MovementRecord>();
        foreach (var s in statuses)
            records.AddRange(await index.ByStatusAsync(s, limit, context.RequestAborted));
        // Beside each movement's state, its orchestration's (where this host runs the engine).
        var engine = context.RequestServices.GetService<DurableTaskClient>();
        var listed = new List<object>();
        foreach (var r in records.OrderByDescending(r => r.UpdatedAt).Take(limit))
        {
            var orchestration = engine is null ? null : await MovementOrchestrationStatus.ReadAsync(engine, r, context.RequestAborted);
            listed.Add(new { r.MovementReference, r.Status, Sequence = r.EventCount, r.UpdatedAt, r.Attributes, Orchestration = orchestration });
        }
        return Results.Json(listed);
    }
}
