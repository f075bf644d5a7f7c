using System.Text.Json;

namespace C2C.Node.Hosting.Functions;

/// <summary>
/// The request the Azure Functions host posts to a custom handler for a non-HTTP trigger
/// (POST /{FunctionName} with body { "Data": { binding: value }, "Metadata": { ... } }).
/// </summary>
public sealed class FunctionInvocation
{
    private FunctionInvocation(JsonElement data, JsonElement metadata)
    {
        Data = data;
        Metadata = metadata;
    }

    public JsonElement Data { get; }

    public JsonElement Metadata { get; }

    public static async Task<FunctionInvocation> ReadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var limited = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (limited.Length + read > maxBytes)
                throw new InvalidDataException($"invocation payload larger than {maxBytes} bytes");
            limited.Write(buffer, 0, read);
        }
        using var document = JsonDocument.Parse(limited.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("invocation payload is not a JSON object");
        // Clone: the document is disposed here, the elements must outlive it.
        return new FunctionInvocation(Property(root, "Data").Clone(), Property(root, "Metadata").Clone());
    }

    /// <summary>Case-insensitive lookup: the host's casing of metadata names has varied between versions.</summary>
    public static JsonElement Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return default;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return default;
    }

    public string? MetadataString(string name)
    {
        var value = Property(Metadata, name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
