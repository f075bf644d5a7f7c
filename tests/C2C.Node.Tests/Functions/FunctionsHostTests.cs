using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using C2C.Core.Ports;
using C2C.Node.Tests.Http;
using C2C.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Functions;

/// <summary>
/// The custom-handler side of Azure Functions hosting: the invocation payloads the Functions host posts for
/// Service Bus and timer triggers (documented shape: { "Data": { binding: value }, "Metadata": { ... } }).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class FunctionsHostTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    private InProcessNode FunctionsNode(string country) => new(_network, country, stack, b => b.UseSetting("Hosting:Mode", "Functions"));

    private static object Invocation(byte[] body, string source, string family = "Transit", int deliveryCount = 1) => new
    {
        Data = new { message = Encoding.UTF8.GetString(body) },
        Metadata = new
        {
            MessageId = Guid.NewGuid().ToString(),
            DeliveryCount = deliveryCount,
            ContentType = "application/xml",
            ApplicationProperties = new { family, messageType = "IE050", sourceCountry = source, traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
            sys = new { MethodName = "TransitInbound", UtcNow = DateTime.UtcNow.ToString("O"), RandGuid = Guid.NewGuid().ToString() },
        },
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(HttpClient client, string function, object payload)
    {
        var response = await client.PostAsJsonAsync(function, payload);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task Service_bus_trigger_applies_a_signed_record_and_answers_success()
    {
        using var tg = new InProcessNode(_network, "TG", stack);
        using var bf = FunctionsNode("BF");
        await Answer.ReadAsync(await InProcessNode.PostAsync(tg.Offices(), Samples.Bytes("IE015-TransitDeclaration")));
        var record = (await tg.Postbox.WaitForAsync(m => m.MessageType == "IE050"))[0];

        var (status, body) = await InvokeAsync(bf.Client(null), "TransitInbound", Invocation(record.Body.ToArray(), "TG"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("completed", body.GetProperty("Logs")[0].GetString());
        Assert.Equal("ExpectedAtBorder", (await bf.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None))!.Status);

        // The host redelivers (lock lost): the same message changes nothing and still succeeds.
        var (again, _) = await InvokeAsync(bf.Client(null), "TransitInbound", Invocation(record.Body.ToArray(), "TG", deliveryCount: 2));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Single(await bf.Services.GetRequiredService<IMovementIndex>().HistoryAsync(Samples.Mrn, CancellationToken.None));
    }

    [Fact]
    public async Task Unsigned_or_forged_message_fails_the_invocation_and_changes_nothing()
    {
        using var bf = FunctionsNode("BF");
        var unsigned = Samples.Bytes("IE050-AnticipatedTransitRecord");
        var (status, body) = await InvokeAsync(bf.Client(null), "TransitInbound", Invocation(unsigned, "TG"));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("InvalidSignature", body.GetProperty("Logs")[0].GetString());
        var forged = bf.SignAs("BF", unsigned);
        Assert.Equal(HttpStatusCode.InternalServerError, (await InvokeAsync(bf.Client(null), "TransitInbound", Invocation(forged, "TG"))).Status);
        Assert.Null(await bf.Services.GetRequiredService<IMovementIndex>().GetAsync(Samples.Mrn, CancellationToken.None));
    }

    [Fact]
    public async Task Malformed_invocation_fails_cleanly()
    {
        using var bf = FunctionsNode("BF");
        var (status, body) = await InvokeAsync(bf.Client(null), "CargoInbound", new { Data = new { other = 1 }, Metadata = new { } });
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("unreadable invocation", body.GetProperty("Logs")[0].GetString());
    }

    [Fact]
    public async Task Timer_triggers_run_the_sweep_and_the_relay()
    {
        using var bf = FunctionsNode("BF");
        var timer = new { Data = new { timer = new { Schedule = new { }, IsPastDue = false } }, Metadata = new { } };
        var (sweep, sweepBody) = await InvokeAsync(bf.Client(null), "DeadlineSweep", timer);
        Assert.Equal(HttpStatusCode.OK, sweep);
        Assert.Contains("deadline sweep", sweepBody.GetProperty("Logs")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await InvokeAsync(bf.Client(null), "OutboxRelay", timer)).Status);
    }

    [Fact]
    public async Task Every_trigger_function_names_an_endpoint_of_the_handler()
    {
        var triggers = FunctionFolder.All().Where(f => !f.IsHttp).ToList();
        Assert.Equal(["CargoInbound", "ControlInbound", "DeadlineSweep", "OutboxRelay", "TransitInbound"], triggers.Select(f => f.Name).Order());
        using var bf = FunctionsNode("BF");
        foreach (var trigger in triggers)
        {
            var response = await bf.Client(null).PostAsJsonAsync(trigger.Name, new { Data = new { }, Metadata = new { } });
            Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
