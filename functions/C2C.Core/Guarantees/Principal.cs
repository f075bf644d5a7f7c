namespace C2C.Core.Guarantees;

/// <summary>The holder of the transit procedure the guarantee was given for.</summary>
public sealed record Principal(string IdentificationNumber, string Name);
