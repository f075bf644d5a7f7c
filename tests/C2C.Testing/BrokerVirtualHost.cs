using System.Net.Http.Headers;
using System.Text;

namespace C2C.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own for one test (through the broker's management API on loopback): the
/// country topologies of one test never see another test's messages, and deleting it removes every queue.
/// </summary>
public sealed class BrokerVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _management;

    private BrokerVirtualHost(HttpClient management, string name, Uri amqp)
    {
        _management = management;
        Name = name;
        Uri = amqp;
    }

    public string Name { get; }

    /// <summary>AMQP URI of the virtual host, for the nodes' C2C:Messaging:RabbitMq:Uri.</summary>
    public Uri Uri { get; }

    public static async Task<BrokerVirtualHost> CreateAsync(LocalStack stack, string name)
    {
        var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{stack.RabbitManagementPort}/api/"), Timeout = TimeSpan.FromSeconds(15) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(stack.RabbitMqUri.UserInfo)));
        (await management.PutAsync($"vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(stack.RabbitMqUri.UserInfo.Split(':')[0]);
        (await management.PutAsync($"permissions/{name}/{user}", Json("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
        return new BrokerVirtualHost(management, name, new UriBuilder(stack.RabbitMqUri) { Path = "/" + name }.Uri);
    }

    /// <summary>Messages waiting in each queue of the virtual host (ready and unacknowledged), from the management API.</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await _management.GetStringAsync($"queues/{Name}"));
        return json.RootElement.EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!,
            q => q.TryGetProperty("messages", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.Number ? n.GetInt64() : 0);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _management.DeleteAsync($"vhosts/{Name}");
        }
        catch (HttpRequestException)
        {
            // broker already stopped: its data folder is per stack run, nothing leaks into the next one
        }
        _management.Dispose();
    }
}
