namespace C2C.Core.Transit;

/// <summary>
/// What identifies a lodged declaration besides its MRN, and so may not change by amendment (NCTS): the declaration
/// type, the office of departure, the holder of the transit procedure (by identification number: a corrected name or
/// address is still the same holder; by name only when it has none).
/// </summary>
/// <param name="HolderId">The holder's identification number, empty when the declaration gives none.</param>
public sealed record DeclarationIdentity(string DeclarationType, string OfficeOfDeparture, string HolderId, string HolderName);
