using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace C2C.Testing;

/// <summary>
/// A set of country nodes with throwaway credentials: a signing key per administration (PEM files in a temp folder),
/// API keys for each node's national office systems, for each foreign administration and for an auditor, and the
/// configuration each node needs (as configuration keys, or as environment variables for a child process).
/// </summary>
public sealed class TestNetwork : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string[]> DefaultOffices = new Dictionary<string, string[]>
    {
        ["TG"] = ["TGLOM001", "TGCIN001"],
        ["BF"] = ["BFCIN001", "BFOUA001", "BFBOB001", "BFDKL001"],
        ["NE"] = ["NENIA001"],
        ["IN"] = ["INTUT001"],
        ["MV"] = ["MVMLE001"],
    };

    private readonly Dictionary<string, X509Certificate2> _signing = new();

    public TestNetwork(params string[] countries)
    {
        Directory = Path.Combine(Path.GetTempPath(), "c2c-net-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        Countries = countries;
        foreach (var country in countries)
        {
            var certificate = TestCertificates.Ecdsa($"{country} customs administration (test)");
            _signing[country] = certificate;
            File.WriteAllText(CertificatePath(country), certificate.ExportCertificatePem());
            File.WriteAllText(KeyPath(country), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }
    }

    public string Directory { get; }

    public IReadOnlyList<string> Countries { get; }

    /// <summary>API key of the national office systems of <paramref name="country"/> at their own node.</summary>
    public string OfficesKey(string country) => Key($"{country}-offices");

    /// <summary>API key of <paramref name="administration"/> when it posts to another country's node over HTTP.</summary>
    public string AdministrationKey(string administration) => Key($"{administration}-administration");

    public string AuditorKey(string country) => Key($"{country}-auditor");

    /// <summary>API key of the node's operations team (Operator role: dead-letter replay and purge).</summary>
    public string OperatorKey(string country) => Key($"{country}-operator");

    /// <summary>The PEM file of <paramref name="country"/>'s signing certificate, as partners register it.</summary>
    public string SigningCertificatePath(string country) => CertificatePath(country);

    public X509Certificate2 SigningCertificate(string country) => _signing[country];

    /// <summary>Configuration of one node, with ":" separators (for in-process hosts).</summary>
    public Dictionary<string, string> Settings(string country, string storageConnectionString, string storageNodeName, Uri? rabbitMq = null)
    {
        var s = new Dictionary<string, string>
        {
            ["C2C:Identity:Country"] = country,
            ["C2C:Identity:Offices:0"] = $"{country}C2C000",
            ["C2C:Identity:SigningCertificatePemPath"] = CertificatePath(country),
            ["C2C:Identity:SigningKeyPemPath"] = KeyPath(country),
            ["C2C:Storage:ConnectionString"] = storageConnectionString,
            ["C2C:Storage:NodeName"] = storageNodeName,
            ["C2C:Messaging:Provider"] = rabbitMq is null ? "None" : "RabbitMq",
        };
        if (rabbitMq is not null)
            s["C2C:Messaging:RabbitMq:Uri"] = rabbitMq.ToString();
        foreach (var (key, value) in SampleGuarantee.Settings(SampleGuarantee.Guarantee))
            s[key] = value;
        Partner(s, $"{country}-OFFICES", country, DefaultOffices[country], "Partner", OfficesKey(country), signing: false);
        Partner(s, $"{country}-AUDIT", country, [], "Auditor", AuditorKey(country), signing: false);
        Partner(s, $"{country}-OPS", country, [], "Operator", OperatorKey(country), signing: false);
        foreach (var other in Countries.Where(c => c != country))
            Partner(s, other, other, DefaultOffices[other], "Partner", AdministrationKey(other), signing: true);
        return s;
    }

    /// <summary>The same configuration as environment variables ("__" separators) for a node process.</summary>
    public static Dictionary<string, string> AsEnvironment(Dictionary<string, string> settings) =>
        settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);

    public void Dispose()
    {
        foreach (var certificate in _signing.Values)
            certificate.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    private void Partner(Dictionary<string, string> s, string id, string country, string[] offices, string role, string apiKey, bool signing)
    {
        var p = $"C2C:Partners:{id}:";
        s[p + "Country"] = country;
        s[p + "Roles:0"] = role;
        s[p + "ApiKeySha256:0"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
        for (var i = 0; i < offices.Length; i++)
            s[p + $"Offices:{i}"] = offices[i];
        if (signing)
            s[p + "SigningCertificates:0:PemPath"] = CertificatePath(country);
    }

    // Keys derived from the folder name: unique per network, stable within it.
    private string Key(string who) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Directory + who)));

    private string CertificatePath(string country) => Path.Combine(Directory, $"{country}.signing.crt.pem");

    private string KeyPath(string country) => Path.Combine(Directory, $"{country}.signing.key.pem");
}
