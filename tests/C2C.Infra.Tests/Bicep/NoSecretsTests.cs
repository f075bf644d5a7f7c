namespace C2C.Infra.Tests.Bicep;

/// <summary>No key, connection string with a key, SAS, password or private key anywhere in infrastructure or CI.</summary>
public sealed class NoSecretsTests
{
    public static TheoryData<string> Sources => new(SourceFiles);

    private static IEnumerable<string> SourceFiles =>
        BicepFiles.Templates.Concat(BicepFiles.ParameterFiles)
            // Workflows and the composite actions they use (.github/actions/*/action.yml).
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, ".github"), "*.yml", SearchOption.AllDirectories).Select(RepoPaths.Relative))
            .Append("infra-bicep/bicepconfig.json")
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Sources))]
    public void Source_has_no_secret(string file)
    {
        var findings = SecretScanner.Scan(File.ReadAllText(Path.Combine(RepoPaths.Root, file)));

        Assert.True(findings.Count == 0, $"{file}:\n{string.Join('\n', findings)}");
    }

    [Fact]
    public void Sources_include_the_deploy_action()
    {
        var sources = SourceFiles.ToList();

        Assert.Contains(".github/actions/deploy-node/action.yml", sources);
        Assert.Contains(".github/workflows/deploy.yml", sources);
    }

    [Fact]
    public void Compiled_template_has_no_secret_and_no_secure_values()
    {
        var json = CompiledTemplate.MainTemplate.Root.ToJsonString();

        Assert.Empty(SecretScanner.Scan(json));
        Assert.DoesNotContain("securestring", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secureObject", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Shared_key_and_sas_authentication_are_disabled_where_they_exist()
    {
        var template = CompiledTemplate.MainTemplate;

        Assert.False(template.Single("Microsoft.Storage/storageAccounts").Json.Bool("properties.allowSharedKeyAccess"));
        // Service Bus SAS only when a partner is given a send-only rule on our topic (ServiceBusTemplateTests).
        Assert.Equal("[empty(variables('sasSenders'))]", template.Single("Microsoft.ServiceBus/namespaces").Json.Str("properties.disableLocalAuth"));
        Assert.True(template.Single("Microsoft.Insights/components").Json.Bool("properties.DisableLocalAuth"));
        Assert.All(template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            p => Assert.False(p.Json.Bool("properties.allow")));
    }

    [Theory]
    [InlineData("value: storage.listKeys().keys[0].value")]
    [InlineData("'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc'")]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=abc")]
    [InlineData("@secure()\nparam adminPassword string")]
    [InlineData("-----BEGIN PRIVATE KEY-----")]
    [InlineData("key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq'")]
    [InlineData("client-secret: ${{ secrets.AZURE_CLIENT_SECRET }}")]
    public void Scanner_flags_known_secret_shapes(string text) => Assert.NotEmpty(SecretScanner.Scan(text));
}
