using C2C.Core.Outbound;
using C2C.Core.Exchange;
using C2C.Core.Guarantees;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>The principal as the register's JSON names it.</summary>
public sealed record PrincipalBody(string IdentificationNumber, string? Name);
