using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using C2C.Adapters.Storage;
using C2C.Core.Ports;
using C2C.Infra.Tests.Bicep;
using C2C.Node.Composition;
using C2C.Node.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace C2C.Infra.Tests.Settings;

/// <summary>
/// Every app setting Bicep gives the Function App is read by someone: the node's own settings (C2C__*, Hosting__*)
/// by the isolated worker's composition, run here on those settings and recording each key it reads; the rest by the
/// Functions host (host.json, the triggers, identity-based connections, telemetry), some by both. A setting nobody
/// reads is dead configuration, and usually a sign of a renamed key.
/// </summary>
public sealed partial class NodeSettingsTests
{
    /// <summary>Read by the Functions host and the platform (host.json, the hand-off queue trigger, identity-based host storage, telemetry).</summary>
    private static readonly string[] HostSettings =
        ["C2C_TASK_HUB", "AzureWebJobsStorage__accountName", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

    /// <summary>Of those, the ones the node's queue door reads too: it writes where the host's queue trigger listens.</summary>
    private static readonly string[] SharedWithTheHost = ["C2C_TASK_HUB", "AzureWebJobsStorage__accountName"];

    private static JsonNode FunctionApp => CompiledTemplate.MainTemplate.Module("functionapp").Properties["template"]!;

    public static TheoryData<string> ParameterFiles => BicepFiles.ParameterFileData;

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task Every_node_setting_of_the_deployment_is_read_by_the_node(string parameterFile)
    {
        var parameters = ParameterFile.Load(parameterFile);
        var settings = BicepSettings(parameters).Where(s => IsNodeSetting(s.Key)).ToDictionary();

        var read = await ReadByTheNodeAsync(WithSharedSettings(settings, parameters));

        var unread = settings.Keys.Where(name => !read.Contains(Key(name))).ToList();
        Assert.True(unread.Count == 0, $"{parameterFile}: settings the node never reads:\n{string.Join('\n', unread)}");
        // The destination settings, the file's nodeSettings and the base settings are all among those checked.
        Assert.Contains(settings.Keys, k => k.StartsWith("C2C__Messaging__ServiceBus__Destinations__", StringComparison.Ordinal) && k.EndsWith("__SasKey", StringComparison.Ordinal));
        Assert.Contains(settings.Keys, k => k.StartsWith("C2C__Identity__Offices__", StringComparison.Ordinal));
        Assert.Contains("C2C__Identity__SigningPfxBase64", settings.Keys);
    }

    [Fact]
    public async Task A_setting_the_node_does_not_read_is_caught()
    {
        var settings = BicepSettings(ParameterFile.Of("dev", "tg")).Where(s => IsNodeSetting(s.Key)).ToDictionary();
        settings["C2C__Security__KeyVaultUri"] = "https://kv.vault.azure.net/";
        settings["C2C__Messaging__ServiceBus__Destinations__BF__FullyQualifiedNamespce"] = "typo.servicebus.windows.net";

        var read = await ReadByTheNodeAsync(WithSharedSettings(settings, ParameterFile.Of("dev", "tg")));

        Assert.DoesNotContain("C2C:Security:KeyVaultUri", read);
        Assert.DoesNotContain("C2C:Messaging:ServiceBus:Destinations:BF:FullyQualifiedNamespce", read);
        Assert.Contains("C2C:Messaging:ServiceBus:Destinations:BF:FullyQualifiedNamespace", read);
    }

    [Fact]
    public async Task The_other_settings_are_the_functions_hosts()
    {
        var settings = BicepSettings(ParameterFile.Of("dev", "tg"));
        var others = settings.Keys.Where(k => !IsNodeSetting(k)).Order(StringComparer.Ordinal);
        Assert.Equal(HostSettings.Order(StringComparer.Ordinal), others);

        // host.json and the hand-off queue trigger name the task hub setting; the node's door reads it and the host storage.
        var hostJson = File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "C2C.Node", "host.json"));
        Assert.Contains("\"hubName\": \"%C2C_TASK_HUB%\"", hostJson);
        Assert.StartsWith("%C2C_TASK_HUB%", C2C.Node.Hosting.Worker.MovementDoorFunction.Queue, StringComparison.Ordinal);
        var read = await ReadByTheNodeAsync(WithSharedSettings(settings.Where(s => IsNodeSetting(s.Key)).ToDictionary(), ParameterFile.Of("dev", "tg")));
        Assert.All(SharedWithTheHost, name => Assert.Contains(Key(name), read));
    }

    /// <summary>
    /// The app settings of one deployment whose value is written out (not computed at deployment): the functionapp
    /// module's literal base settings and the file's nodeSettings.
    /// </summary>
    internal static IEnumerable<KeyValuePair<string, string>> LiteralSettings(ParameterFile parameters) =>
        FunctionApp["variables"]!["baseSettings"]!.AsObject()
            .Select(s => (s.Key, Value: (string?)s.Value))
            .Concat((parameters.Values["nodeSettings"]?.AsObject() ?? []).Select(s => (s.Key, Value: s.Value?.ToString())))
            .Where(s => s.Value is not null && !s.Value.StartsWith('['))
            .Select(s => KeyValuePair.Create(s.Key, s.Value!));

    /// <summary>The node's settings and those it shares with the host, as the worker's composition needs them.</summary>
    private static Dictionary<string, string?> WithSharedSettings(Dictionary<string, string?> nodeSettings, ParameterFile parameters) =>
        nodeSettings.Concat(BicepSettings(parameters).Where(s => SharedWithTheHost.Contains(s.Key))).ToDictionary();

    private static bool IsNodeSetting(string name) => name.StartsWith("C2C__", StringComparison.Ordinal) || name.StartsWith("Hosting__", StringComparison.Ordinal);

    private static string Key(string appSetting) => appSetting.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>
    /// The app settings of one deployment by name, with a plausible value: the functionapp module's base settings,
    /// the outbound destination settings (its destinationSettings function, for each destination of the file) and
    /// the file's nodeSettings. ARM expressions stand for values known only at deployment: they get a sample.
    /// </summary>
    private static Dictionary<string, string?> BicepSettings(ParameterFile parameters)
    {
        var country = parameters.Str("country")!;
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in FunctionApp["variables"]!["baseSettings"]!.AsObject())
            settings[name] = Sample(name, (string?)value, country);
        var body = FunctionApp["functions"]!.AsArray().Single()!["members"]!["destinationSettings"].Str("output.value")!;
        foreach (var destination in parameters.List("outboundDestinations"))
        {
            var partner = ((string)destination["country"]!).ToUpperInvariant();
            foreach (Match m in DestinationKey().Matches(body))
                if (m.Groups["name"].Value is var name && (name is "FullyQualifiedNamespace" or "MaxMessageKilobytes" || destination["sasKeyName"] is not null))
                    settings[$"C2C__Messaging__ServiceBus__Destinations__{partner}__{name}"] = Sample(name, null, country);
        }
        foreach (var (name, value) in parameters.Values["nodeSettings"]?.AsObject() ?? [])
            settings[name] = value?.ToString();
        return settings;
    }

    private static string? Sample(string name, string? value, string country) => value switch
    {
        not null when !value.StartsWith('[') => value,
        _ when value?.Contains("@Microsoft.KeyVault", StringComparison.Ordinal) == true || name.EndsWith("SasKey", StringComparison.Ordinal) => "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/s/)",
        _ when name.EndsWith("__Country", StringComparison.Ordinal) => country,
        _ when name.EndsWith("Uri", StringComparison.Ordinal) => "https://st.example.net/",
        _ when name.EndsWith("FullyQualifiedNamespace", StringComparison.Ordinal) => "sb.servicebus.windows.net",
        _ when name.EndsWith("MaxMessageKilobytes", StringComparison.Ordinal) => "256",
        _ when name.EndsWith("AllowApiKeys", StringComparison.Ordinal) => "false",
        _ when name == "C2C_TASK_HUB" => $"c2c{country.ToLowerInvariant()}",
        _ when name == "AzureWebJobsStorage__accountName" => $"stc2cdev{country.ToLowerInvariant()}",
        _ => "sample",
    };

    /// <summary>
    /// Runs the isolated worker's composition (Hosting__Mode is Functions on Azure) on the settings, as environment
    /// variables become configuration, and returns the keys it read.
    /// </summary>
    private static async Task<IReadOnlySet<string>> ReadByTheNodeAsync(Dictionary<string, string?> appSettings)
    {
        var recorder = new RecordingConfiguration(appSettings.ToDictionary(s => Key(s.Key), s => s.Value));
        var configuration = new ConfigurationBuilder().Add(recorder).Build();
        var services = new ServiceCollection().AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        Assert.Equal(HostingMode.Functions, NodeComposition.ModeOf(configuration));
        services.AddC2CWorker(configuration, RepoPaths.Root);
        await using (var provider = services.BuildServiceProvider())
        {
            // What is bound on first use: node options, storage, the publisher, the hand-off door.
            _ = provider.GetRequiredService<IOptions<NodeOptions>>().Value;
            _ = provider.GetRequiredService<StorageClients>();
            _ = provider.GetService<IMessagePublisher>();
            _ = provider.GetRequiredService<C2C.Node.Hosting.Worker.QueueMovementDoor>();
        }
        return recorder.Read;
    }

    [GeneratedRegex(@"C2C__Messaging__ServiceBus__Destinations__\{0\}__(?<name>\w+)")]
    private static partial Regex DestinationKey();
}
