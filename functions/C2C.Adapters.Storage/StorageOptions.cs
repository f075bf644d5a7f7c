using Azure.Core;

namespace C2C.Adapters.Storage;

/// <summary>
/// Where a node's archive and index live (configuration section C2C:Storage, bound by
/// <see cref="StorageRegistration.AddAzureStorage"/>). Locally: a connection string (Azurite). On Azure: service URIs
/// and the managed identity's credential (no account keys).
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Not a setting: the managed identity (DefaultAzureCredential) when URIs are used without a connection string.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Lets several nodes share one account (local two-country stack): names get this suffix. Empty: the node's country.</summary>
    public string NodeName { get; set; } = "";
}
