using System.Text;
using C2C.Adapters.Security.XmlDsig;
using C2C.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using C2C.Core.Ports;

namespace C2C.Node.Tests;

/// <summary>A country node hosted in-process (real Kestrel pipeline via the test server) on real Azurite storage.</summary>
public sealed class InProcessNode : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="kestrel">Serve on real Kestrel endpoints (e.g. loopback only, as behind the Functions host) instead of the test server.</param>
    public InProcessNode(TestNetwork network, string country, LocalStack stack, Action<IWebHostBuilder>? configure = null, Action<KestrelServerOptions>? kestrel = null)
    {
        Network = network;
        Country = country;
        StorageNodeName = country.ToLowerInvariant() + Guid.NewGuid().ToString("N")[..10];
        var settings = network.Settings(country, stack.StorageConnectionString, StorageNodeName);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
            configure?.Invoke(b);
            b.ConfigureTestServices(services => KeepWhatIsPublished(services));
        });
        if (kestrel is not null)
            _factory.UseKestrel(kestrel);
    }

    /// <summary>The node with extra settings on top of the network's.</summary>
    public InProcessNode(TestNetwork network, string country, LocalStack stack, params (string Key, string Value)[] settings)
        : this(network, country, stack, b => { foreach (var (key, value) in settings) b.UseSetting(key, value); })
    {
    }

    public TestNetwork Network { get; }

    /// <summary>What the node published, when it has no broker of its own.</summary>
    public PartnerPostbox Postbox { get; } = new();

    /// <summary>Archive names <see cref="Http.Courier"/> has carried from this node already.</summary>
    internal HashSet<string> Carried { get; } = new(StringComparer.Ordinal);

    public string Country { get; }

    public string StorageNodeName { get; }

    public IServiceProvider Services => _factory.Services;

    public HttpClient Client(string? apiKey)
    {
        var client = _factory.CreateClient();
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>The node's own national office systems.</summary>
    public HttpClient Offices() => Client(Network.OfficesKey(Country));

    public HttpClient Auditor() => Client(Network.AuditorKey(Country));

    /// <summary>A foreign administration posting directly to this node.</summary>
    public HttpClient Administration(string country) => Client(Network.AdministrationKey(country));

    /// <summary>Signs as <paramref name="country"/>'s administration would before sending across the border.</summary>
    public byte[] SignAs(string country, byte[] xml) =>
        new XmlMessageSigner(SigningCredential.FromCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
            Network.SigningCertificate(country).Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12), null))).Sign(xml);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] xml, string path = "api/v1/messages")
    {
        var content = new ByteArrayContent(xml);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        return await client.PostAsync(path, content);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// Waits (bounded) until the movement's indexed status is <paramref name="status"/>: its orchestration goes on after it
    /// answered (held messages that now fit, deadlines due at once, a vessel's arrival delivered to each consignment).
    /// </summary>
    public async Task<MovementRecord> WaitForStatusAsync(string reference, string status, int seconds = 30)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); ; await Task.Delay(100))
        {
            var record = await Services.GetRequiredService<IMovementIndex>().GetAsync(reference, CancellationToken.None);
            if (record?.Status.Name == status)
                return record;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{reference} at {Country} is {record?.Status.Name ?? "unknown"}, not {status} after {seconds} s");
        }
    }

    /// <summary>A node without a broker publishes into <see cref="Postbox"/> instead of nowhere.</summary>
    private void KeepWhatIsPublished(IServiceCollection services)
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(IMessagePublisher)) is not { ImplementationFactory: { } factory })
            return;
        services.AddSingleton<IMessagePublisher>(sp => factory(sp) is C2C.Node.Composition.NoBroker ? Postbox : (IMessagePublisher)factory(sp));
    }

    public void Dispose() => _factory.Dispose();
}
