using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;

namespace C2C.Orchestration.Transit;

/// <summary>A partner's message that came before the one it follows, waiting in its movement's orchestration.</summary>
/// <param name="Code">The refusal it would get now (90: no movement here yet, 92: out of sequence): it sets how long it is held.</param>
public sealed record HeldDelivery(MovementMessage Message, DateTimeOffset HeldAt, string Reason, string? Code = null);
