using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using C2C.Node.Security;
using C2C.Node.Tests.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace C2C.Node.Tests.Security;

/// <summary>
/// X-ARR-ClientCert identifies a partner only on a request the Functions host proxied to the isolated worker, which
/// reaches the node through an HTTP function; anywhere else (standalone) anyone could write the header.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ForwardedCertificateTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");
    private readonly X509Certificate2 _burkina = TestCertificates.Ecdsa("Burkina Faso customs (client)");
    private readonly X509Certificate2 _stranger = TestCertificates.Ecdsa("Not registered anywhere");
    private readonly Warnings _warnings = new();

    public void Dispose()
    {
        _burkina.Dispose();
        _stranger.Dispose();
        _network.Dispose();
    }

    private (string, string) BurkinaClientCertificate => ("C2C:Partners:BF:ClientCertificateThumbprints:0", TestCertificates.Sha256Thumbprint(_burkina));

    [Fact]
    public async Task Through_the_functions_host_the_forwarded_certificate_identifies_the_partner()
    {
        await using var node = await new WorkerNode(_network, "TG", stack) { Logs = _warnings, Settings = [BurkinaClientCertificate] }.StartAsync();
        using var client = node.Client(null);
        using var withKey = node.Client(_network.AdministrationKey("BF"));

        Assert.Equal(HttpStatusCode.OK, await ValidateAsync(client, _burkina));
        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(client, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(client, _stranger));
        // The front end forwards whatever certificate the caller had: with keys allowed, the key still identifies it.
        Assert.Equal(HttpStatusCode.OK, await ValidateAsync(withKey, _stranger));
        Assert.Empty(_warnings.Lines);
    }

    [Fact]
    public async Task With_api_keys_turned_off_only_a_client_certificate_authenticates()
    {
        await using var node = await new WorkerNode(_network, "TG", stack) { Settings = [BurkinaClientCertificate, ("C2C:Authentication:AllowApiKeys", "false")] }.StartAsync();
        using var keyOnly = node.Client(_network.AdministrationKey("BF"));

        using var refused = await keyOnly.PostAsync("api/v1/messages/validate", new ByteArrayContent(Samples.Bytes("IE118-BorderPassageNotification")));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("API keys are turned off", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(keyOnly, _stranger));
        Assert.Equal(HttpStatusCode.OK, await ValidateAsync(keyOnly, _burkina));
    }

    [Fact]
    public async Task Standalone_the_header_is_ignored_and_that_is_logged_once()
    {
        var (key, value) = BurkinaClientCertificate;
        using var node = new InProcessNode(_network, "TG", stack, b => b.UseSetting(key, value).ConfigureLogging(logging => logging.AddProvider(_warnings)));
        using var client = node.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(client, _burkina));
        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(client, _burkina));
        var warning = Assert.Single(_warnings.Lines);
        Assert.Contains("X-ARR-ClientCert ignored", warning);
        // The same party's API key still works: only the header is distrusted.
        Assert.Equal(HttpStatusCode.OK, await ValidateAsync(node.Administration("BF"), null));
    }

    private static async Task<HttpStatusCode> ValidateAsync(HttpClient client, X509Certificate2? forwarded)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/messages/validate") { Content = new ByteArrayContent(Samples.Bytes("IE118-BorderPassageNotification")) };
        if (forwarded is not null)
            request.Headers.Add(CallerResolver.ForwardedCertificateHeader, Convert.ToBase64String(forwarded.RawData));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Warnings of the forwarded-certificate decision, as the node logs them.</summary>
    private sealed class Warnings : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName == typeof(ForwardedCertificateTrust).FullName ? _lines : null);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string>? lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => lines is not null && logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                    lines!.Enqueue(formatter(state, exception));
            }
        }
    }
}
