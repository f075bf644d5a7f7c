using Microsoft.Extensions.Configuration;

namespace C2C.Infra.Tests.Settings;

/// <summary>
/// Configuration that remembers every key read from it. Binding (Get&lt;T&gt;, GetValue) and indexers all end in
/// TryGet with the full key, so the keys recorded are exactly the settings the code asked for.
/// </summary>
public sealed class RecordingConfiguration(IDictionary<string, string?> values) : ConfigurationProvider, IConfigurationSource
{
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> Read
    {
        get
        {
            lock (_read)
                return _read.ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
    }

    public override void Load() => Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);

    public override bool TryGet(string key, out string? value)
    {
        lock (_read)
            _read.Add(key);
        return base.TryGet(key, out value);
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
}
