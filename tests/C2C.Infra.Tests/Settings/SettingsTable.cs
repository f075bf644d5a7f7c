using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using C2C.Adapters.DurableTask;
using C2C.Adapters.RabbitMq;
using C2C.Adapters.ServiceBus;
using C2C.Adapters.Storage;
using C2C.Node.Configuration;
using C2C.Node.Security;

namespace C2C.Infra.Tests.Settings;

/// <summary>
/// The node's settings as the options classes define them (key and default, by reflection), and the README's table of
/// them: what <see cref="SettingsTableTests"/> compares. A default lives in its options class's property initializer
/// and nowhere else; the README shows it, checked.
/// </summary>
public static partial class SettingsTable
{
    /// <summary>Every options class the node binds, with the configuration section it is bound to.</summary>
    public static readonly (string Section, Type Options)[] Bound =
    [
        (NodeOptions.Section, typeof(NodeOptions)),
        ("C2C:Storage", typeof(StorageOptions)),
        ("C2C:Messaging:RabbitMq", typeof(RabbitMqOptions)),
        ("C2C:Messaging:ServiceBus", typeof(ServiceBusMessagingOptions)),
        ("C2C:Messaging:ServiceBus:Destinations:{CC}", typeof(ServiceBusDestinationOptions)),
        ("C2C:Engine", typeof(LocalDurableEngineOptions)),
        (RateLimitOptions.Section, typeof(RateLimitOptions)),
    ];

    /// <summary>Settings read without a defaults-bearing options class (documented in the table, their default in words).</summary>
    public static readonly string[] Others =
    [
        "C2C:Identity:*", "C2C:Partners:{id}:*", "C2C:Guarantees:{GRN}:*", "C2C:Messaging:Provider", "C2C:Tls:ClientCertificateMode",
        "Hosting:Mode", "C2C_TASK_HUB", "AzureWebJobsStorage", "OTEL_EXPORTER_OTLP_ENDPOINT", "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    /// <summary>What a default looks like in the table when there is none (null or empty: the meaning says what then).</summary>
    public const string NoDefault = "–";

    public sealed record Setting(string Key, string Default, string DeclaredBy);

    /// <summary>Every bound setting: public settable properties of simple types, nested C2C options classes recursed into.</summary>
    public static IReadOnlyList<Setting> FromOptions()
    {
        var settings = new List<Setting>();
        foreach (var (section, type) in Bound)
            Collect(section, type, settings);
        return settings;
    }

    private static void Collect(string prefix, Type type, List<Setting> settings)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.SetMethod?.IsPublic == true))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsSimple(propertyType))
                settings.Add(new Setting(key, Format(property.GetValue(instance)), $"{type.Name}.{property.Name}"));
            else if (propertyType.IsClass && propertyType.Namespace?.StartsWith("C2C.", StringComparison.Ordinal) == true)
                Collect(key, propertyType, settings);
            // else not a setting (a credential set in code) or a keyed collection with its own entry in Bound
        }
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(DateOnly);

    /// <summary>As the table writes it: invariant numbers, lower-case booleans, TimeSpan as d.hh:mm:ss.</summary>
    public static string Format(object? value) => value switch
    {
        null => NoDefault,
        string { Length: 0 } => NoDefault,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? NoDefault,
    };

    public sealed record Row(int Line, string Key, string Default);

    /// <summary>The rows of the table under the README's "Configuration of a node" heading (key, default, meaning).</summary>
    public static IReadOnlyList<Row> FromReadme(string readme)
    {
        var lines = readme.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("## Configuration of a node", StringComparison.Ordinal));
        if (start < 0)
            return [];
        var rows = new List<Row>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!lines[i].StartsWith('|') || cells.Length < 3 || cells[0] == "key" || cells[0].StartsWith("---", StringComparison.Ordinal))
                continue;
            rows.Add(new Row(i + 1, Unquote(cells[0]), Unquote(cells[1])));
        }
        return rows;
    }

    private static string Unquote(string cell) => cell.Trim('`').Trim();

    /// <summary>What is wrong with the table, one line per wrong row (empty: it agrees with the options classes).</summary>
    public static IReadOnlyList<string> Problems(string readme)
    {
        var rows = FromReadme(readme);
        if (rows.Count == 0)
            return ["README.md: no table under \"## Configuration of a node\" (columns: key, default, meaning)"];
        var problems = new List<string>();
        var byKey = rows.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (key, same) in byKey.Where(g => g.Value.Count > 1))
            problems.Add($"README.md lines {string.Join(", ", same.Select(r => r.Line))}: `{key}` has {same.Count} rows");
        foreach (var setting in FromOptions())
        {
            if (!byKey.TryGetValue(setting.Key, out var found))
                problems.Add($"README.md: missing row | `{setting.Key}` | `{setting.Default}` | … | (from {setting.DeclaredBy})");
            else if (found[0].Default != setting.Default)
                problems.Add($"README.md line {found[0].Line}: `{setting.Key}` has default `{found[0].Default}`, {setting.DeclaredBy} has `{setting.Default}`");
        }
        var known = FromOptions().Select(s => s.Key).Concat(Others).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !known.Contains(r.Key)))
            problems.Add($"README.md line {row.Line}: `{row.Key}` is no setting of the options classes nor a known other setting (renamed? removed?)");
        foreach (var other in Others.Where(o => !byKey.ContainsKey(o)))
            problems.Add($"README.md: missing row | `{other}` | … | … |");
        return problems;
    }

    /// <summary>Code that states a default beside the options class: GetValue with a fallback, as composition roots used to.</summary>
    [GeneratedRegex(@"\.GetValue(<[^>]+>)?\(\s*""[^""]+""\s*,")]
    public static partial Regex GetValueWithFallback();
}
