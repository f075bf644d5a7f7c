
namespace C2C.Orchestration;

/// <summary>Where a message goes: its movement's orchestration instance, and the orchestrator that runs it.</summary>
public sealed record MovementRoute(string InstanceId, string Orchestrator);
