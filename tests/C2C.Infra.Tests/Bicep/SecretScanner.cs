using System.Text.RegularExpressions;

namespace C2C.Infra.Tests.Bicep;

/// <summary>Finds what would put a credential into a template, a parameter file, a workflow or a deployment output.</summary>
public static partial class SecretScanner
{
    private static readonly (string Name, Regex Pattern)[] Rules =
    [
        ("key listing function", new(@"\blist(Keys|AccountSas|ServiceSas|ConnectionStrings|AuthKeys|Secrets|Credentials?)\s*\(", RegexOptions.IgnoreCase)),
        ("storage connection string", new(@"DefaultEndpointsProtocol|AccountKey\s*=", RegexOptions.IgnoreCase)),
        ("Service Bus SAS", new(@"SharedAccessKey(Name)?\s*=|SharedAccessSignature\s", RegexOptions.IgnoreCase)),
        ("instrumentation key", new(@"InstrumentationKey\s*=\s*[0-9a-f]{8}-", RegexOptions.IgnoreCase)),
        ("private key", new(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
        ("secure parameter", new(@"@secure\(\)")),
        ("password", new(@"\bpassword\b\s*[:=]", RegexOptions.IgnoreCase)),
        ("client secret", new(@"client[-_]?secret", RegexOptions.IgnoreCase)),
        // A key-like literal: 40+ base64 characters mixing digits, upper and lower case (not a long identifier).
        ("long base64 literal", new(@"['""](?=[A-Za-z0-9+/]*\d)(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{40,}={0,2}['""]")),
    ];

    public static IReadOnlyList<string> Scan(string text)
    {
        var findings = new List<string>();
        foreach (var (name, pattern) in Rules)
            foreach (Match m in pattern.Matches(text))
                findings.Add($"{name}: {m.Value}");
        return findings;
    }
}
