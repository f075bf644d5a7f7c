using C2C.Core.Guarantees;

namespace C2C.Core.Documents;

public sealed record DocumentParty(string IdentificationNumber, string Name, string Address);
