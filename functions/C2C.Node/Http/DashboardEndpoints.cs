using C2C.Core.Dashboard;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>
/// The corridor dashboard's data (auditor role): the figures kept as movements change (a bounded read, see
/// <see cref="ICorridorFigures"/>), and a transit movement's journey as a route.
/// </summary>
public static class DashboardEndpoints
{
    public const int MaxDays = 62;

    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit");
        group.MapGet("/dashboard", DashboardAsync)
            .WithSummary("Corridor figures: movements now by status (in transit, overdue, under enquiry), per day over the window (opened, declarations, statuses entered, NACKs by code), transit durations against the time limit, per office, partner links (auditor role)");
        group.MapGet("/movements/{reference}/route", RouteAsync)
            .WithSummary("A transit movement's journey as a route: departure, border offices, destination, write-off, each done (when) or expected (by when) (auditor role)");
    }

    private static async Task<IResult> DashboardAsync(HttpContext context, CallerResolver callers, ICorridorFigures figures, TimeProvider time, int? days)
    {
        if (ArchiveEndpoints.Forbidden(context, callers) is { } denied)
            return denied;
        var window = Math.Clamp(days ?? 14, 1, MaxDays);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await figures.ReadAsync(today.AddDays(1 - window), today, context.RequestAborted);
        return Results.Json(CorridorDashboard.Build(rows, today, window));
    }

    private static async Task<IResult> RouteAsync(string reference, HttpContext context, CallerResolver callers, IMovementIndex index, CorridorPolicy policy)
    {
        if (ArchiveEndpoints.Forbidden(context, callers) is { } denied)
            return denied;
        var movement = await index.GetAsync(reference, context.RequestAborted);
        if (movement is null)
            return Results.Problem(statusCode: 404, title: "Unknown movement", detail: $"No movement '{reference}' at this node.");
        var route = JourneyRoute.Of(movement, await index.HistoryAsync(reference, context.RequestAborted), policy.ControlResultsWithin);
        return route is null
            ? Results.Problem(statusCode: 404, title: "No route", detail: $"'{reference}' is not a transit movement with a declared route at this node.")
            : Results.Json(route);
    }
}
