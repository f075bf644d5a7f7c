namespace C2C.Core.Ports;

/// <summary>
/// Auditor search over the archive's index tags. Every criterion narrows (AND); at least one must be set,
/// so a search is never a full listing. Max bounds the answer.
/// </summary>
public sealed record ArchiveQuery(
    string? MovementReference = null,
    string? MessageType = null,
    string? Office = null,
    DateOnly? From = null,
    DateOnly? To = null,
    MessageDirection? Direction = null,
    int Max = 200)
{
    public bool HasCriteria => MovementReference is not null || MessageType is not null || Office is not null || From is not null || To is not null;
}
