using System.Globalization;
using C2C.Core.Ports;

namespace C2C.Core.Archive;

/// <summary>
/// Blob names an auditor can browse: {yyyy}/{MM}/{dd}/{movement}/{seq}-{type}-{messageId}.xml (UTC date of receipt).
/// </summary>
public static class ArchiveNaming
{
    /// <summary>Movement folder for messages that reference no movement (e.g. a NACK of an unreadable message).</summary>
    public const string NoMovement = "_no-movement";

    public static string NameOf(ArchiveEntry entry) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{entry.ReceivedAt.UtcDateTime:yyyy'/'MM'/'dd}/{Folder(entry.MovementReference)}/{entry.Sequence:D4}-{entry.MessageType}-{entry.MessageId}.xml");

    private static string Folder(string movementReference) =>
        string.IsNullOrEmpty(movementReference) ? NoMovement : movementReference;
}
