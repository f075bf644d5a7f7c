using Azure.Core;

namespace C2C.Adapters.Storage;

/// <summary>
/// Where a node's archive and index live. Locally: a connection string (Azurite). On Azure: service URIs and the
/// managed identity's credential (no account keys).
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Set by the composition root when URIs are used (e.g. DefaultAzureCredential).</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Lets several nodes share one account (local two-country stack): names get this suffix.</summary>
    public string NodeName { get; set; } = "";
}
