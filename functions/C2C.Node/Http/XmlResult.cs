namespace C2C.Node.Http;

/// <summary>An XML message (receipt or NACK) as the HTTP answer, with the outcome in a header for quick triage.</summary>
public static class XmlResult
{
    public const string OutcomeHeader = "C2C-Outcome";

    public static IResult Of(byte[] xml, int statusCode, string outcome) => new Result(xml, statusCode, outcome);

    private sealed class Result(byte[] xml, int statusCode, string outcome) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = "application/xml; charset=utf-8";
            context.Response.Headers[OutcomeHeader] = outcome;
            await context.Response.Body.WriteAsync(xml);
        }
    }
}
