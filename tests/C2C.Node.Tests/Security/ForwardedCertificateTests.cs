using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using C2C.Node.Configuration;
using C2C.Node.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace C2C.Node.Tests.Security;

/// <summary>
/// X-ARR-ClientCert identifies a partner only when the node runs as a custom handler behind the Functions host
/// (FUNCTIONS_CUSTOMHANDLER_PORT, listening on loopback only); elsewhere anyone could write the header.
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

    [Theory]
    [InlineData(HostingMode.Functions, "7071", "http://127.0.0.1:7071", true)]
    [InlineData(HostingMode.Functions, "7071", "http://localhost:7071", true)]
    [InlineData(HostingMode.Functions, "7071", "http://[::1]:7071", true)]
    [InlineData(HostingMode.Standalone, "7071", "http://127.0.0.1:7071", false)]
    [InlineData(HostingMode.Functions, null, "http://127.0.0.1:7071", false)]
    [InlineData(HostingMode.Functions, "7071", "http://0.0.0.0:7071", false)]
    [InlineData(HostingMode.Functions, "7071", "http://127.0.0.1:7071;http://[::]:8080", false)]
    [InlineData(HostingMode.Functions, "7071", "http://+:7071", false)]
    [InlineData(HostingMode.Functions, "7071", "", false)]
    public void Trusted_only_as_a_custom_handler_bound_to_loopback(HostingMode mode, string? port, string addresses, bool trusted) =>
        Assert.Equal(trusted, ForwardedCertificateTrust.Decide(mode, port, addresses.Split(';', StringSplitOptions.RemoveEmptyEntries)).Trusted);

    [Fact]
    public async Task Behind_the_functions_host_the_forwarded_certificate_identifies_the_partner()
    {
        var port = FreePort.Next();
        using var node = new InProcessNode(_network, "TG", stack,
            b => Configure(b, HostingMode.Functions).UseSetting(ForwardedCertificateTrust.CustomHandlerPortSetting, port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            kestrel: k => k.Listen(IPAddress.Loopback, port));
        using var client = Loopback(port, null);
        using var withKey = Loopback(port, _network.AdministrationKey("BF"));
        node.Client(null).Dispose(); // starts Kestrel

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
        var port = FreePort.Next();
        using var node = new InProcessNode(_network, "TG", stack,
            b => Configure(b, HostingMode.Functions).UseSetting(ForwardedCertificateTrust.CustomHandlerPortSetting, port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .UseSetting("C2C:Authentication:AllowApiKeys", "false"),
            kestrel: k => k.Listen(IPAddress.Loopback, port));
        using var keyOnly = Loopback(port, _network.AdministrationKey("BF"));
        node.Client(null).Dispose(); // starts Kestrel

        using var refused = await keyOnly.PostAsync("api/v1/messages/validate", new ByteArrayContent(Samples.Bytes("IE118-BorderPassageNotification")));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("API keys are turned off", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(keyOnly, _stranger));
        Assert.Equal(HttpStatusCode.OK, await ValidateAsync(keyOnly, _burkina));
    }

    [Theory]
    [InlineData(HostingMode.Standalone)]
    [InlineData(HostingMode.Functions)] // no FUNCTIONS_CUSTOMHANDLER_PORT: not behind the host
    public async Task Elsewhere_the_header_is_ignored_and_that_is_logged_once(HostingMode mode)
    {
        using var node = new InProcessNode(_network, "TG", stack, b => Configure(b, mode));
        using var client = node.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(client, _burkina));
        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(client, _burkina));
        var warning = Assert.Single(_warnings.Lines);
        Assert.Contains("X-ARR-ClientCert ignored", warning);
        // The same party's API key still works: only the header is distrusted.
        Assert.Equal(HttpStatusCode.OK, await ValidateAsync(node.Administration("BF"), null));
    }

    private IWebHostBuilder Configure(IWebHostBuilder builder, HostingMode mode) => builder
        .UseSetting("Hosting:Mode", mode.ToString())
        .UseSetting("C2C:Partners:BF:ClientCertificateThumbprints:0", TestCertificates.Sha256Thumbprint(_burkina))
        .ConfigureLogging(logging => logging.AddProvider(_warnings));

    /// <summary>A client of the node's loopback endpoint, as the Functions host is.</summary>
    private static HttpClient Loopback(int port, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add(CallerResolver.ApiKeyHeader, apiKey);
        return client;
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
