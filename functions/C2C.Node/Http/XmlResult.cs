namespace C2C.Node.Http;

/// <summary>An XML message (receipt or NACK) as the HTTP answer, with the outcome in a header for quick triage.</summary>
public static class XmlResult
{
    public const string OutcomeHeader = "C2C-Outcome";

    private const string IngestItem = "c2c.ingest", TypeItem = "c2c.message.type";

    public static IResult Of(byte[] xml, int statusCode, string outcome) => new Result(xml, statusCode, outcome);

    /// <summary>This request is an office's or partner's post: its answer counts in c2c.messages.in (channel http) with the outcome.</summary>
    public static void CountAsIngest(HttpContext context) => context.Items[IngestItem] = true;

    /// <summary>The posted message's type, once read, for the metric's type tag.</summary>
    public static void MessageType(HttpContext context, string? type) => context.Items[TypeItem] = type;

    private sealed class Result(byte[] xml, int statusCode, string outcome) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = "application/xml; charset=utf-8";
            context.Response.Headers[OutcomeHeader] = outcome;
            if (context.Items.ContainsKey(IngestItem))
            {
                C2C.Core.Telemetry.ExchangeTelemetry.MessagesIn.Add(1, new("channel", "http"), new("type", context.Items[TypeItem] as string ?? "unknown"),
                    new("result", outcome), new("status", statusCode));
            }
            await context.Response.Body.WriteAsync(xml);
        }
    }
}
