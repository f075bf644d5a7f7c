
namespace C2C.Node.Http;

/// <summary>The principal as the register's JSON names it.</summary>
public sealed record PrincipalBody(string IdentificationNumber, string? Name);
