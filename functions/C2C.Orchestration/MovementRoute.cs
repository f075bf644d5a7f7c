using C2C.Core.Exchange;
using C2C.Core.Ports;
using C2C.Core.Transit;
using C2C.Orchestration.Cargo;
using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;

namespace C2C.Orchestration;

/// <summary>Where a message goes: its movement's orchestration instance, and the orchestrator that runs it.</summary>
public sealed record MovementRoute(string InstanceId, string Orchestrator);
