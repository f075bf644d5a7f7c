using System.Threading.RateLimiting;

namespace C2C.Node.Security;

/// <summary>
/// Rate limits per partner on the API (/api/*): a token bucket per resolved party (partner or auditor, each its own
/// budget), per remote address for callers that are not identified. Over the limit: 429 with Retry-After and a
/// problem document. Settings <see cref="RateLimitOptions"/>.
/// </summary>
public static class PartnerRateLimits
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        var (partnerPerMinute, auditorPerMinute, burst) = (limits.PermitsPerMinute, limits.AuditorPermitsPerMinute, limits.Burst);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                    return RateLimitPartition.GetNoLimiter("unmetered");
                var caller = context.RequestServices.GetRequiredService<CallerResolver>().Resolve(context);
                var (key, perMinute) = caller.Partner is { } partner
                    ? ($"party:{partner.Id}", partner.Has(C2C.Core.Partners.PartnerRole.Auditor) ? auditorPerMinute : partnerPerMinute)
                    : ($"address:{context.Connection.RemoteIpAddress}", partnerPerMinute);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, burst),
                    TokensPerPeriod = Math.Max(1, perMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: 429, title: "Rate limit exceeded",
                    detail: $"More than {burst} requests at once or the per-minute budget of this party; retry after {response.Headers.RetryAfter} s.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
    }
}
