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
        // Printed from the declaration the state is from (the latest version: IE015 or IE013 at departure, the record of the
        // highest version at a receiver), else the newest that carries one (states older than amendments).
        var state = await index.GetAsync(mrn, context.RequestAborted) is { } record && MovementDecision.HasState(record)
            ? TransitStateSerializer.Deserialize(record.StateJson)
            : null;
        if (state?.Status == TransitStatus.Accepted)
            return Results.Problem(statusCode: 404, title: "Not released", detail: $"Movement '{mrn}' is accepted, not released: a TAD is printed at release.");
        var source = state is null ? null
            : history.LastOrDefault(e => e.MessageId == state.DeclarationMessageId && e.ArchiveName.Length > 0)
              ?? history.LastOrDefault(e => MovementDeclaration.Carriers.Contains(e.MessageType) && e.ArchiveName.Length > 0 && !e.MessageId.StartsWith("refused-", StringComparison.Ordinal));
        if (source is null || await archive.ReadAsync(source.ArchiveName, context.RequestAborted) is not { } original
            || validator.Validate(original.Content).Message is not { } declaration || declaration.Find("Declaration") is null)
            return Results.Problem(statusCode: 404, title: "No declaration", detail: $"No declaration of movement '{mrn}' at this node to print.");
        var grn = state?.Role == TransitRole.Departure ? state.Facts?.Guarantee?.Grn : null;
        var reservation = grn is null ? null : (await ledger.ReservationsAsync(grn, context.RequestAborted)).FirstOrDefault(r => r.Mrn == mrn);
        var pdf = TadRenderer.Render(TransitDocumentReader.Read(declaration, reservation, state?.Facts?.Version ?? 1, state?.Facts?.ReleasedAt));
        return Results.File(pdf, "application/pdf", $"TAD-{mrn}.pdf");
    }
}
