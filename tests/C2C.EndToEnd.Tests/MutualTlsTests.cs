using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace C2C.EndToEnd.Tests;

/// <summary>
/// Mutual TLS on a real node process (Kestrel HTTPS endpoint, client certificate required): a registered partner
/// certificate identifies the administration; an unknown, an expired or no certificate gets nothing.
/// </summary>
[Collection(CorridorCollection.Name)]
public sealed class MutualTlsTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");
    private readonly X509Certificate2 _server = TestCertificates.Rsa("localhost");
    private readonly X509Certificate2 _burkina = TestCertificates.Ecdsa("Burkina Faso customs (client)");
    private readonly X509Certificate2 _expired = TestCertificates.Ecdsa("Burkina Faso customs (expired)", notBefore: DateTimeOffset.UtcNow.AddYears(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
    private readonly X509Certificate2 _stranger = TestCertificates.Ecdsa("Someone else");

    public void Dispose()
    {
        foreach (var certificate in new[] { _server, _burkina, _expired, _stranger })
            certificate.Dispose();
        _network.Dispose();
    }

    [Fact]
    public async Task Registered_client_certificate_authenticates_others_are_refused()
    {
        var settings = _network.Settings("TG", stack.StorageConnectionString, "tls" + Guid.NewGuid().ToString("N")[..10]);
        settings["C2C:Partners:BF:ClientCertificateThumbprints:0"] = _burkina.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        settings["C2C:Partners:BF:ClientCertificateThumbprints:1"] = _expired.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var (node, tls) = await MutualTlsNode.StartAsync(_network, "TG", settings, _server, "tls");
        using var _ = node;
        var movement = new Uri(tls, $"api/v1/movements/{Movements.NewMrn()}").ToString();

        // Burkina's registered certificate: authenticated (403: no movement of Burkina's offices has that reference here).
        using (var burkina = Client(_burkina))
            Assert.Equal(HttpStatusCode.Forbidden, (await burkina.GetAsync(movement)).StatusCode);
        // Registered but expired, or not registered at all: 401 with the reason.
        foreach (var (certificate, reason) in new[] { (_expired, "expired"), (_stranger, "not registered") })
        {
            using var client = Client(certificate);
            var response = await client.GetAsync(movement);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        }
        // No certificate: the TLS handshake itself fails.
        using (var anonymous = Client(null))
            await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.GetAsync(movement));
        // The node keeps serving.
        using (var burkina = Client(_burkina))
            Assert.Equal(HttpStatusCode.Forbidden, (await burkina.GetAsync(movement)).StatusCode);
    }

    /// <summary>Trusts exactly the test's server certificate, and presents <paramref name="clientCertificate"/>.</summary>
    private HttpClient Client(X509Certificate2? clientCertificate)
    {
        var handler = new HttpClientHandler
        {
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateOptions = ClientCertificateOption.Manual,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == _server.Thumbprint,
        };
        if (clientCertificate is not null)
            handler.ClientCertificates.Add(clientCertificate);
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
    }
}
