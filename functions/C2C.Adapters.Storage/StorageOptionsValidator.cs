using Microsoft.Extensions.Options;

namespace C2C.Adapters.Storage;

/// <summary>Checked at start: the node needs its storage, reached by a connection string or by both service URIs.</summary>
public sealed class StorageOptionsValidator(string sectionPath) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.ConnectionString is { Length: > 0 })
            return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (options.BlobServiceUri is not { IsAbsoluteUri: true })
            problems.Add($"{sectionPath}:BlobServiceUri must be an absolute URI when {sectionPath}:ConnectionString is not set (was '{options.BlobServiceUri}')");
        if (options.TableServiceUri is not { IsAbsoluteUri: true })
            problems.Add($"{sectionPath}:TableServiceUri must be an absolute URI when {sectionPath}:ConnectionString is not set (was '{options.TableServiceUri}')");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
