using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace C2C.Adapters.Storage;

/// <summary>Builds the SDK clients from <see cref="StorageOptions"/> and creates the node's container and tables.</summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options)
    {
        Names = StorageNames.For(options.NodeName);
        if (options.ConnectionString is { Length: > 0 } cs)
        {
            Blobs = new BlobServiceClient(cs);
            Tables = new TableServiceClient(cs);
        }
        else if (options is { BlobServiceUri: not null, TableServiceUri: not null, Credential: not null })
        {
            Blobs = new BlobServiceClient(options.BlobServiceUri, options.Credential);
            Tables = new TableServiceClient(options.TableServiceUri, options.Credential);
        }
        else
        {
            throw new InvalidOperationException("storage: set ConnectionString, or BlobServiceUri + TableServiceUri with a credential");
        }
        Archive = Blobs.GetBlobContainerClient(Names.Archive);
    }

    public StorageNames Names { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Archive { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>
    /// Readiness: the archive container exists and the movement table answers a one-row query, with the node's
    /// credential. Returns why not, or null.
    /// </summary>
    public async Task<string?> ProblemAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            if (!await Archive.ExistsAsync(bounded.Token))
                return $"archive container {Names.Archive} does not exist";
            await foreach (var _ in Table(Names.Movements).QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: bounded.Token).AsPages(pageSizeHint: 1))
                break;
            return null;
        }
        catch (RequestFailedException e)
        {
            return $"{e.Status} {e.ErrorCode}: {e.Message.Split('\n')[0]}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // e.g. no token from the managed identity, DNS: whatever it is, the node cannot use its storage
            return $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
    }

    /// <summary>Idempotent. On Azure, Bicep creates these with WORM retention; locally this creates them.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Archive.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in Names.AllTables)
            await Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
    }
}
