namespace C2C.Orchestration;

/// <summary>
/// Names shared by the orchestrations and whoever hands them messages. A task hub belongs to one node, so the
/// instance id needs only the movement: one orchestration per movement per node.
/// </summary>
public static class MovementInstances
{
    /// <summary>The external event that carries a <see cref="Messages.MovementMessage"/>.</summary>
    public const string MessageEvent = "MovementMessage";

    /// <summary>Instance id of a transit movement (an 18-character MRN) at this node.</summary>
    public static string Transit(string mrn) =>
        mrn.Length == 18 ? $"transit-{mrn}" : throw new ArgumentException($"'{mrn}' is not an MRN", nameof(mrn));

    /// <summary>
    /// Instance id of a SASEC cargo record at this node: a consignment (transport document number) or a voyage (its
    /// arrival report). Both are keyed by their reference in the index too, so one namespace serves both.
    /// </summary>
    public static string Cargo(string reference) =>
        reference is { Length: > 0 and <= 35 } && reference.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-')
            ? $"cargo-{reference}"
            : throw new ArgumentException($"'{reference}' is not a consignment or voyage reference", nameof(reference));
}
