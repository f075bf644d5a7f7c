using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using C2C.Core.Archive;
using C2C.Core.Ports;
using C2C.Core.Telemetry;

namespace C2C.Adapters.Storage;

/// <summary>
/// The archive on Blob Storage: write-once (If-None-Match: *), metadata for integrity checks, index tags for search.
/// </summary>
public sealed partial class BlobMessageArchive(BlobContainerClient container) : IMessageArchive
{
    public async Task<ArchivedMessage> StoreAsync(ArchiveEntry entry, CancellationToken cancellationToken)
    {
        using var span = ExchangeTelemetry.Span("c2c.archive", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("c2c.operation", "archive.store");
        return await ExchangeTelemetry.TimeAsync(ExchangeTelemetry.StorageDuration, "archive.store", () => StoreUntimedAsync(entry, cancellationToken));
    }

    private async Task<ArchivedMessage> StoreUntimedAsync(ArchiveEntry entry, CancellationToken cancellationToken)
    {
        var name = ArchiveNaming.NameOf(entry);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(entry.Content.Span));
        var message = new ArchivedMessage(name, entry.MovementReference, entry.MessageType, entry.MessageId, entry.Direction,
            entry.SenderOffice, entry.RecipientOffice, entry.ReceivedAt, sha256, entry.SignatureStatus, entry.Content.Length);
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml; charset=utf-8" },
            Metadata = ToMetadata(message),
            Tags = ToTags(message),
        };
        try
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(entry.Content), options, cancellationToken);
            return message;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already archived (a retry after a crash, a duplicate delivery): fine if it is the same content.
            var existing = await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            if (existing.Value.Metadata.TryGetValue("sha256", out var stored) && stored == sha256)
                return FromMetadata(name, existing.Value.Metadata, existing.Value.ContentLength);
            throw new ArchiveConflictException(name);
        }
    }

    public async Task<ArchivedContent?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        using var span = ExchangeTelemetry.Span("c2c.archive", System.Diagnostics.ActivityKind.Client);
        span?.SetTag("c2c.operation", "archive.read");
        return await ExchangeTelemetry.TimeAsync(ExchangeTelemetry.StorageDuration, "archive.read", () => ReadUntimedAsync(name, cancellationToken));
    }

    private async Task<ArchivedContent?> ReadUntimedAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            var content = download.Value.Content.ToArray();
            return new ArchivedContent(FromMetadata(name, download.Value.Details.Metadata, content.Length), content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ArchivedMessage>> SearchAsync(ArchiveQuery query, CancellationToken cancellationToken)
    {
        if (!query.HasCriteria)
            throw new ArgumentException("an archive search needs at least one criterion (movement, type, office or date)");
        var names = new SortedSet<string>(StringComparer.Ordinal);
        // Tags have no OR: an office search runs once as sender and once as recipient.
        string?[] officeTags = query.Office is null ? [null] : ["sender", "recipient"];
        foreach (var officeTag in officeTags)
        {
            await foreach (var item in container.FindBlobsByTagsAsync(Filter(query, officeTag), cancellationToken))
            {
                names.Add(item.BlobName);
                if (names.Count >= query.Max * 2)
                    break;
            }
        }
        var results = new List<ArchivedMessage>();
        foreach (var name in names.Take(query.Max))
        {
            var properties = await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            results.Add(FromMetadata(name, properties.Value.Metadata, properties.Value.ContentLength));
        }
        return results;
    }

    /// <summary>Best effort: under the container's WORM retention (on Azure) nothing can be deleted, and an unreferenced blob harms no one.</summary>
    public async Task DeleteOrphanAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 403 or 409)
        {
            // immutable: it stays, listed by no movement
        }
    }

    private static string Filter(ArchiveQuery query, string? officeTag)
    {
        var clauses = new List<string>();
        void Equal(string tag, string? value)
        {
            if (value is not null)
                clauses.Add($"\"{tag}\" = '{TagValue(value)}'");
        }
        Equal("mrn", query.MovementReference);
        Equal("type", query.MessageType);
        Equal("direction", query.Direction?.ToString());
        if (officeTag is not null)
            Equal(officeTag, query.Office);
        if (query.From is { } from)
            clauses.Add($"\"date\" >= '{from:yyyy-MM-dd}'");
        if (query.To is { } to)
            clauses.Add($"\"date\" <= '{to:yyyy-MM-dd}'");
        return string.Join(" AND ", clauses);
    }

    /// <summary>Search values come from users: only tag-safe characters pass, so no quote can break the filter.</summary>
    private static string TagValue(string value) =>
        SafeTag().IsMatch(value) ? value : throw new ArgumentException($"'{value}' is not a valid search value");

    private static Dictionary<string, string> ToMetadata(ArchivedMessage m) => new()
    {
        ["sha256"] = m.Sha256,
        ["direction"] = m.Direction.ToString(),
        ["sender"] = m.SenderOffice,
        ["recipient"] = m.RecipientOffice,
        ["receivedat"] = m.ReceivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["signaturestatus"] = m.SignatureStatus,
        ["mrn"] = m.MovementReference,
        ["messagetype"] = m.MessageType,
        ["messageid"] = m.MessageId,
    };

    private static Dictionary<string, string> ToTags(ArchivedMessage m) => new()
    {
        ["mrn"] = m.MovementReference.Length > 0 ? m.MovementReference : ArchiveNaming.NoMovement,
        ["type"] = m.MessageType,
        ["sender"] = m.SenderOffice,
        ["recipient"] = m.RecipientOffice,
        ["date"] = m.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["direction"] = m.Direction.ToString(),
    };

    private static ArchivedMessage FromMetadata(string name, IDictionary<string, string> md, long length)
    {
        string Get(string key) => md.TryGetValue(key, out var v) ? v : "";
        return new ArchivedMessage(name, Get("mrn"), Get("messagetype"), Get("messageid"),
            Enum.TryParse<MessageDirection>(Get("direction"), out var d) ? d : MessageDirection.Inbound,
            Get("sender"), Get("recipient"),
            DateTimeOffset.TryParse(Get("receivedat"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : default,
            Get("sha256"), Get("signaturestatus"), length);
    }

    [GeneratedRegex("^[A-Za-z0-9 +\\-./:=_]{1,256}$")]
    private static partial Regex SafeTag();
}
