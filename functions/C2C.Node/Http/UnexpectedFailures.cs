using Microsoft.AspNetCore.Diagnostics;

namespace C2C.Node.Http;

/// <summary>
/// The last answer for what no endpoint mapped: never a bare 500. A storage or broker outage is a 503 the caller may
/// retry (nothing was accepted: the same message posted again is applied once); anything else is a 500 problem
/// document with the trace id to quote to operations. Input the caller controls is refused by the endpoints with its
/// NACK before it can get here.
/// </summary>
public static class UnexpectedFailures
{
    public static IApplicationBuilder UseUnexpectedFailures(this IApplicationBuilder app) =>
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var unavailable = IsOutage(failure);
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UnexpectedFailures)).RequestFailed(context.Request.Method, context.Request.Path, unavailable ? "dependency unavailable" : "unexpected", failure!);
            var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            if (unavailable)
                context.Response.Headers.RetryAfter = "5";
            await Results.Problem(
                title: unavailable ? "A dependency of the node is unavailable; nothing was accepted, post the same message again later" : "Unexpected failure; nothing was accepted",
                detail: unavailable ? failure!.GetType().Name : null,
                statusCode: status,
                extensions: new Dictionary<string, object?> { ["code"] = unavailable ? "Unavailable" : "InternalError", ["traceId"] = context.TraceIdentifier })
                .ExecuteAsync(context);
        }));

    private static bool IsOutage(Exception? e) => e switch
    {
        null => false,
        Azure.RequestFailedException or HttpRequestException or TimeoutException or System.Net.Sockets.SocketException => true,
        _ => IsOutage(e.InnerException),
    };
}
