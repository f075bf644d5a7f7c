using C2C.Core.Guarantees;

namespace C2C.Core.Documents;

public sealed record DocumentOffice(string Reference, string Role);
