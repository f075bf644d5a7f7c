using System.Text;
using System.Text.Json;
using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;

namespace C2C.Node.Hosting.Functions;

/// <summary>
/// Functions hosting: the Functions host posts each Service Bus or timer trigger to POST /{FunctionName}.
/// Success (2xx) lets the host complete the message; a failure status makes it abandon, and Service Bus
/// dead-letters after MaxDeliveryCount (the host offers no explicit dead-letter with reason: the reason is logged).
/// </summary>
public static class FunctionEndpoints
{
    public const long MaxInvocationBytes = 8 * 1024 * 1024;

    public static void MapFunctionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Functions host");
        foreach (var family in Enum.GetValues<MessageFamily>())
            group.MapPost($"/{family}Inbound", (HttpContext context, InboundDeliveryHandler handler) => InboundAsync(context, handler));
        group.MapPost("/OutboxRelay", async (OutboxRelay relay, CancellationToken ct) => Results.Json(FunctionResult.Success($"outbox relay: {await relay.RunOnceAsync(ct)} pending")));
        group.MapPost("/DeadlineSweep", async (DeadlineSweeper sweeper, CancellationToken ct) => Results.Json(FunctionResult.Success($"deadline sweep: {await sweeper.RunOnceAsync(ct)} applied")));
    }

    private static async Task<IResult> InboundAsync(HttpContext context, InboundDeliveryHandler handler)
    {
        FunctionInvocation invocation;
        BusDelivery delivery;
        try
        {
            invocation = await FunctionInvocation.ReadAsync(context.Request.Body, MaxInvocationBytes, context.RequestAborted);
            delivery = ServiceBusTriggerMessage.ToDelivery(invocation);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException)
        {
            return Results.Json(new FunctionResult(new Dictionary<string, object?>(), [$"unreadable invocation: {e.Message}"], null), statusCode: 500);
        }
        DeliveryOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(delivery, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage or broker away: abandoned, so Service Bus delivers it again (as the standalone consumers do).
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FunctionEndpoints))
                .LogWarning(e, "{MessageId}: handler failed, abandoned", delivery.Message.MessageId);
            outcome = DeliveryOutcome.Abandon;
        }
        if (outcome is DeliveryOutcome.AbandonOutcome)
            await Task.Delay(DeliveryOutcome.RetryDelay(delivery.DeliveryCount), context.RequestAborted); // the host redelivers at once otherwise
        return outcome switch
        {
            DeliveryOutcome.CompleteOutcome => Results.Json(FunctionResult.Success($"{delivery.Message.MessageId}: completed")),
            DeliveryOutcome.DeadLetterOutcome dead => Results.Json(new FunctionResult(new Dictionary<string, object?>(),
                [$"{delivery.Message.MessageId}: refused ({dead.Reason}: {dead.Description}); left to Service Bus dead-lettering"], null), statusCode: 500),
            _ => Results.Json(new FunctionResult(new Dictionary<string, object?>(), [$"{delivery.Message.MessageId}: abandoned"], null), statusCode: 500),
        };
    }
}
