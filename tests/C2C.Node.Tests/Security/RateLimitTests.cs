using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace C2C.Node.Tests.Security;

/// <summary>Each party has its own budget: one partner hammering the API is slowed down, nobody else is.</summary>
[Collection(StackCollection.Name)]
public sealed class RateLimitTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public async Task Over_the_budget_a_partner_gets_429_with_retry_after_while_others_are_served()
    {
        using var tg = new InProcessNode(_network, "TG", stack, b => b.UseSetting("C2C:RateLimits:Burst", "5").UseSetting("C2C:RateLimits:PermitsPerMinute", "60"));
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
            statuses.Add(await tg.Offices().GetAsync($"api/v1/movements/{Samples.Mrn}"));

        Assert.Equal(5, statuses.Count(s => s.StatusCode == HttpStatusCode.Forbidden)); // the burst, served (a movement of nobody's here)
        var limited = statuses.First(s => s.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Contains("Rate limit exceeded", await limited.Content.ReadAsStringAsync());
        // Another party and the unmetered endpoints are not affected.
        Assert.Equal(HttpStatusCode.Forbidden, (await tg.Administration("BF").GetAsync($"api/v1/movements/{Samples.Mrn}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tg.Client(null).GetAsync("health")).StatusCode);
        // The budget refills (1 permit per second here).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.Forbidden, (await tg.Offices().GetAsync($"api/v1/movements/{Samples.Mrn}")).StatusCode);
    }
}
