using C2C.Core.Outbound;
using C2C.Core.Exchange;
using C2C.Core.Guarantees;
using C2C.Core.Partners;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Node.Security;

namespace C2C.Node.Http;

/// <summary>A guarantee as the national guarantee management registers it (PUT /api/v1/guarantees/{grn}).</summary>
public sealed record GuaranteeBody(GuaranteeKind Kind, decimal ReferenceAmount, string Currency, PrincipalBody Principal, DateOnly ValidFrom, DateOnly ValidTo,
    IReadOnlyList<string> Countries);
