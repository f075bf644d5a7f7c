using System.Security.Cryptography.X509Certificates;

namespace C2C.Testing;

/// <summary>A node process with a mutual-TLS HTTPS endpoint (client certificate required) besides its plain loopback one.</summary>
public static class MutualTlsNode
{
    /// <param name="server">RSA server certificate with its key, written as PEM files into the network's folder for Kestrel.</param>
    public static async Task<(NodeProcess Process, Uri Tls)> StartAsync(TestNetwork network, string country, Dictionary<string, string> settings, X509Certificate2 server, string logName)
    {
        var certificatePath = Path.Combine(network.Directory, "server.crt.pem");
        var keyPath = Path.Combine(network.Directory, "server.key.pem");
        File.WriteAllText(certificatePath, server.ExportCertificatePem());
        File.WriteAllText(keyPath, server.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        settings["Kestrel:Certificates:Default:Path"] = certificatePath;
        settings["Kestrel:Certificates:Default:KeyPath"] = keyPath;
        var tls = new Uri($"https://127.0.0.1:{FreePort.Next()}");
        var process = new NodeProcess(country, FreePort.Next(), TestNetwork.AsEnvironment(settings), Path.Combine(RepoPaths.Root, "TestResults", "node-logs", logName),
            [tls.ToString().TrimEnd('/')]);
        try
        {
            await process.StartAsync(TimeSpan.FromSeconds(90));
            return (process, tls);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }
}
