using C2C.Adapters.Storage;
using C2C.Core.Ports;
using C2C.Testing;

namespace C2C.Integration.Tests.Storage;

[Collection(StackCollection.Name)]
public sealed class TableAlertLogTests(LocalStack stack)
{
    private static OpsAlert Alert(string kind, string sha, DateTimeOffset at) =>
        new(at, kind, "BF", "BFOUA-1", $"{kind} detail", sha, $"2026/12/02/_refused/{sha[..8]}.xml");

    [Fact]
    public async Task The_same_bytes_refused_for_two_reasons_keep_both_alerts_and_a_repeat_stays_one()
    {
        var now = DateTimeOffset.UtcNow;
        var log = new TableAlertLog(await StorageFixture.NewNodeAsync(stack), TimeProvider.System);
        var sha = new string('a', 64);
        await log.RaiseAsync(Alert("UnknownCertificate", sha, now.AddSeconds(-2)), CancellationToken.None);
        await log.RaiseAsync(Alert("InvalidMessage", sha, now.AddSeconds(-1)), CancellationToken.None);
        await log.RaiseAsync(Alert("InvalidMessage", sha, now), CancellationToken.None); // the broker redelivered it

        var alerts = await log.RecentAsync(10, CancellationToken.None);
        Assert.Equal(["InvalidMessage", "UnknownCertificate"], alerts.Select(a => a.Kind));
        Assert.All(alerts, a => Assert.Equal(sha, a.ContentSha256));
    }
}
