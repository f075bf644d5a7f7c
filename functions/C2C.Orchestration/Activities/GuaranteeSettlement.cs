using C2C.Core.Guarantees;
using C2C.Core.Ports;
using C2C.Core.Validation;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

public sealed record GuaranteeSettlement(string Grn, string Mrn, GuaranteeStep Step, DateTimeOffset At);
