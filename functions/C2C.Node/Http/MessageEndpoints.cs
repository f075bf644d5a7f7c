using C2C.Core.Messages;
using C2C.Core.Outbound;
using C2C.Core.Exchange;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Core.Telemetry;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Node.Configuration;
using C2C.Node.Security;
using Microsoft.Extensions.Options;

namespace C2C.Node.Http;

/// <summary>
/// Partner ingest: POST an XML message, get a receipt (IE928) or a NACK (IE917 structure, IE906 business) with a
/// matching HTTP status. Nothing is archived or indexed unless the message is accepted, except a foreign
/// administration's message whose signature fails: it is kept under _refused/ and raised as an alert, as over the broker.
/// </summary>
public static class MessageEndpoints
{
    public static void MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/messages").WithTags("Messages");
        group.MapPost("/", IngestAsync)
            .WithSummary("Submit a message (XML, urn:c2c:transit:v1)")
            .WithDescription("Authenticate with a client certificate (mutual TLS) or X-Api-Key. 200: receipt IE928 (also for an exact repeat); IE004 AmendmentAcceptance with the new declaration version for an accepted amendment (IE013). 400: XML NACK IE917. 401/403: IE906 with code 94. 403 also: an office in the body that the sender's administration may not name (code 94). 409: same MessageId with other content (IE906 code 26), also when posted at the same moment. 413: too large (IE917). 422: functional NACK IE906. 503: storage or broker unavailable, or the movement's orchestration has not acknowledged the message in time (C2C:Movements:AcknowledgeWithinSeconds, 20 s), nothing accepted yet (problem document, Retry-After): post the same message again; it is applied once.")
            .Accepts<string>("application/xml").Produces(200, contentType: "application/xml");
        group.MapPost("/validate", ValidateAsync)
            .WithSummary("Dry run for conformance testing: validate only, store nothing")
            .Accepts<string>("application/xml").Produces<ValidationReport>(200);
    }

    private static async Task<IResult> IngestAsync(HttpContext context, CallerResolver callers, MessageValidator validator, IMovementExchange exchange,
        NodeContext node, ISignatureVerifier verifier, RefusedMessages refused, PartnerRegistry registry, IOptions<NodeOptions> options, TimeProvider clock)
    {
        using var span = ExchangeTelemetry.Span("c2c.ingest");
        XmlResult.CountAsIngest(context);
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return Nack(Rejection.Of(new MessageError(ErrorCodes.NotAuthorised, caller.Message, "/")), node, null, clock, StatusCodes.Status401Unauthorized);
        var partner = caller.Partner!;
        span?.SetTag("c2c.caller", partner.Id);
        var body = await RequestBody.ReadAsync(context.Request, options.Value.MaxMessageBytes, context.RequestAborted);
        if (body is null)
            return Nack(Rejection.Of(new MessageError(ErrorCodes.TooLarge, $"The message is larger than {options.Value.MaxMessageBytes} bytes.", "/")), node, partner, clock, StatusCodes.Status413PayloadTooLarge);
        if (PartnerAuthorization.AuthorizePosting(partner) is { IsAllowed: false } notPartner)
            return Nack(Rejection.Of(new MessageError(ErrorCodes.NotAuthorised, notPartner.Message, "/")), node, partner, clock, StatusCodes.Status403Forbidden);

        // A foreign administration's message is a cross-border message: its signature is verified before anything
        // else reads it (the verifier parses with the hardened reader), and a refusal is kept for operations.
        var origin = partner.Country == node.Country ? MessageOrigin.Local : MessageOrigin.Partner;
        SignatureCheck signature;
        using (origin == MessageOrigin.Partner ? ExchangeTelemetry.Span("c2c.signature.verify") : null)
            signature = origin == MessageOrigin.Local ? new SignatureCheck(SignatureVerdict.Unsigned, $"national office system '{partner.Id}'") : verifier.VerifyFrom(body, partner);
        if (!signature.IsValid)
        {
            await refused.RecordAsync(body, partner.Country, null, signature.Description, "InvalidSignature", $"posted over HTTP by '{partner.Id}': {signature.Description}", context.RequestAborted);
            return Nack(Rejection.Of(new MessageError(ErrorCodes.NotAuthorised, $"Signature check failed: {signature.Description}", "/")), node, partner, clock, StatusCodes.Status403Forbidden);
        }

        // From here on the post is authentic. A foreign administration's post that is still refused is kept and raised
        // as an alert too, as over the broker: its system sees the NACK, our operations see the alert.
        async Task<IResult> RefuseAsync(Rejection rejection, byte[] nack, int status)
        {
            ExchangeTelemetry.CountNack(rejection);
            if (origin == MessageOrigin.Partner)
                await refused.RecordAsync(body, partner.Country, rejection.Header?.MessageId, signature.Description, RefusedMessages.ReasonOf(rejection),
                    $"posted over HTTP by '{partner.Id}': {RefusedMessages.Describe(rejection)}", context.RequestAborted);
            return XmlResult.Of(nack, status, "rejected");
        }
        Task<IResult> RefuseWithNackAsync(Rejection rejection, int status) => RefuseAsync(rejection, NackFor(rejection, node, partner, clock), status);

        ValidationResult result;
        using (ExchangeTelemetry.Span("c2c.xml.validate"))
            result = validator.Validate(body);
        XmlResult.MessageType(context, result.Message?.Kind.Code ?? result.Rejection?.Header?.MessageType);
        span?.SetTag("c2c.message.type", result.Message?.Kind.Code);
        span?.SetTag("messaging.message.id", result.Message?.Header.MessageId);
        if (result.Rejection is { } rejection)
            return await RefuseWithNackAsync(rejection, rejection.NackKind == MessageCatalog.XmlNack ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity);
        var message = result.Message!;

        var permission = PartnerAuthorization.AuthorizeSend(partner, message.Header);
        if (!permission.IsAllowed)
            return await RefuseWithNackAsync(Rejection.Of(new MessageError(ErrorCodes.NotAuthorised, permission.Message, $"/{message.Kind.RootElement}/Header/MessageSender", message.Header.SenderOffice), message.Header, message.MovementReference),
                StatusCodes.Status403Forbidden);
        if (OfficeAssertions.Check(message, registry) is { } wrongOffice)
            return await RefuseWithNackAsync(new Rejection([wrongOffice], message.Header, message.MovementReference),
                wrongOffice.Code == ErrorCodes.NotAuthorised ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity);

        var outcome = await exchange.AcceptAsync(message, origin, signature.Description, context.RequestAborted);
        return outcome.Outcome switch
        {
            ExchangeOutcome.Accepted => XmlResult.Of(outcome.Response, StatusCodes.Status200OK, "accepted"),
            ExchangeOutcome.Duplicate => XmlResult.Of(outcome.Response, StatusCodes.Status200OK, "duplicate"),
            _ when outcome.Rejection!.Errors.Any(e => e.Code == ErrorCodes.DuplicateDetected) => XmlResult.Of(outcome.Response, StatusCodes.Status409Conflict, "rejected"),
            _ => await RefuseAsync(outcome.Rejection!, outcome.Response, StatusCodes.Status422UnprocessableEntity),
        };
    }

    private static async Task<IResult> ValidateAsync(HttpContext context, CallerResolver callers, MessageValidator validator, IOptions<NodeOptions> options)
    {
        var caller = callers.Resolve(context);
        if (!caller.IsAllowed)
            return Results.Json(ValidationReport.Refused(caller.Message), statusCode: StatusCodes.Status401Unauthorized);
        var body = await RequestBody.ReadAsync(context.Request, options.Value.MaxMessageBytes, context.RequestAborted);
        if (body is null)
            return Results.Json(ValidationReport.Refused($"larger than {options.Value.MaxMessageBytes} bytes"), statusCode: StatusCodes.Status413PayloadTooLarge);
        return Results.Json(ValidationReport.From(validator.Validate(body)));
    }

    private static IResult Nack(Rejection rejection, NodeContext node, Partner? caller, TimeProvider clock, int status)
    {
        ExchangeTelemetry.CountNack(rejection);
        return XmlResult.Of(NackFor(rejection, node, caller, clock), status, "rejected");
    }

    private static byte[] NackFor(Rejection rejection, NodeContext node, Partner? caller, TimeProvider clock)
    {
        var recipient = rejection.Header?.SenderOffice is { Length: 8 } sender && sender != node.GatewayOffice
            ? sender
            : caller?.Offices.FirstOrDefault() ?? NodeOffices.UnknownParty;
        var id = MessageIds.Derive(node.Country, "http-nack", Guid.NewGuid().ToString());
        return AcknowledgementComposer.Nack(rejection, id, node.GatewayOffice, recipient, clock.GetUtcNow());
    }
}
