using C2C.Core.Guarantees;
using C2C.Core.Ports;
using C2C.Core.Validation;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>Reserved (the amount and the balance left), or refused with the declaration's functional NACK.</summary>
public sealed record GuaranteeAnswer(bool Reserved, decimal Amount, string Currency, decimal? BalanceAfter, MessageError? Refusal);
