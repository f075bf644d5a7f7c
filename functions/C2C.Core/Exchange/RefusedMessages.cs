using System.Security.Cryptography;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Exchange;

/// <summary>
/// What this node refused from a partner administration without applying it (bad signature, wrong sender or
/// recipient, invalid message), whether it came over the broker or HTTP: the bytes are archived as received under
/// {date}/_refused/ with the signature verdict, and an operations alert is raised (one per content per day). What the
/// sender wrote is unverified, so the archive name uses only the content hash and every text is cut to printable ASCII.
/// </summary>
public sealed class RefusedMessages(NodeContext node, IMessageArchive archive, IAlertLog alerts)
{
    /// <summary>Archive folder of refused messages: outside every movement, as nothing of them was applied.</summary>
    public const string Folder = "_refused";

    /// <returns>The archive name of the refused bytes.</returns>
    public async Task<string> RecordAsync(ReadOnlyMemory<byte> raw, string? sourceCountry, string? envelopeMessageId, string signatureStatus,
        string reason, string detail, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(raw.Span));
        var source = Printable(sourceCountry, 2);
        var at = DateTimeOffset.UtcNow;
        var archived = await archive.StoreAsync(new ArchiveEntry(Folder, 0, "REFUSED", sha256[..32], MessageDirection.Inbound,
            NodeOffices.Gateway(source.Length == 2 && source.All(char.IsAsciiLetterUpper) ? source : "XX"), node.GatewayOffice, at, signatureStatus, raw), cancellationToken);
        await alerts.RaiseAsync(new OpsAlert(at, reason, source, Printable(envelopeMessageId, 100), Printable(detail, 1000), sha256, archived.Name), cancellationToken);
        return archived.Name;
    }

    /// <summary>The alert kind of a functional or structural refusal: "Refused" and its first code (e.g. Refused90, RefusedXML005).</summary>
    public static string ReasonOf(Validation.Rejection rejection) => "Refused" + rejection.FirstCode;

    /// <summary>The refusal's errors in one line, as an alert's detail.</summary>
    public static string Describe(Validation.Rejection rejection) =>
        string.Join("; ", rejection.Errors.Select(e => $"{e.Code} {e.Pointer}: {e.Reason}"));

    private static string Printable(string? value, int max) =>
        new((value ?? "").Where(c => c is >= ' ' and <= '~').Take(max).ToArray());
}
