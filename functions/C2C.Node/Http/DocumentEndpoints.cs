using C2C.Adapters.Documents;
using C2C.Core.Documents;
using C2C.Core.Exchange;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>Printed documents of a movement: the transit accompanying document (TAD), for whoever may read the movement.</summary>
public static class DocumentEndpoints
{
    /// <summary>Messages that carry the declaration in full: the TAD is printed from the newest of them in the movement's history.</summary>
    private static readonly HashSet<string> CarryTheDeclaration = new(StringComparer.Ordinal) { "IE015", "IE001", "IE050", "IE003", "IE115" };

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/movements/{mrn}/tad", TadAsync).WithTags("Movements")
            .WithSummary("Transit accompanying document (PDF): MRN as a Code 128 barcode, offices, route, time limit, goods, seals, guarantee");

    private static async Task<IResult> TadAsync(string mrn, HttpContext context, CallerResolver callers, IMovementIndex index, IMessageArchive archive,
        MessageValidator validator, IGuaranteeLedger ledger)
    {
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return Results.Problem(statusCode: 401, title: "Not authenticated", detail: caller.Message);
        var history = await index.HistoryAsync(mrn, context.RequestAborted);
        var read = PartnerAuthorization.AuthorizeRead(caller.Partner!, mrn, history);
        if (!read.IsAllowed)
            return Results.Problem(statusCode: 403, title: "Not a party to this movement", detail: read.Message, extensions: new Dictionary<string, object?> { ["code"] = read.Code });
        // Only a movement with a state (released here, or a record received): a refused declaration is in the history too, and is no document.
        var source = history.LastOrDefault(e => CarryTheDeclaration.Contains(e.MessageType) && e.ArchiveName.Length > 0 && !e.MessageId.StartsWith("refused-", StringComparison.Ordinal));
        var state = source is not null && await index.GetAsync(mrn, context.RequestAborted) is { } record && MovementDecision.HasState(record)
            ? TransitStateSerializer.Deserialize(record.StateJson)
            : null;
        source = state is null ? null : source;
        if (source is null || await archive.ReadAsync(source.ArchiveName, context.RequestAborted) is not { } original
            || validator.Validate(original.Content).Message is not { } declaration || declaration.Find("Declaration") is null)
            return Results.Problem(statusCode: 404, title: "No declaration", detail: $"No declaration of movement '{mrn}' at this node to print.");
        var grn = state?.Role == TransitRole.Departure ? state.Facts?.Guarantee?.Grn : null;
        var reservation = grn is null ? null : (await ledger.ReservationsAsync(grn, context.RequestAborted)).FirstOrDefault(r => r.Mrn == mrn);
        var pdf = TadRenderer.Render(TransitDocumentReader.Read(declaration, reservation));
        return Results.File(pdf, "application/pdf", $"TAD-{mrn}.pdf");
    }
}
