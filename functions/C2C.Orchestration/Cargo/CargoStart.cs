using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;

namespace C2C.Orchestration.Cargo;

/// <summary>
/// The input of a cargo record's orchestration (a consignment, or a voyage's arrival). SASEC has no customs deadline:
/// only how the orchestration itself waits comes in (<see cref="MovementTimes"/>), never read from configuration inside it.
/// </summary>
/// <param name="NodeCountry">This node's country: a message from one of its offices is the node's own (export side, arrival reports).</param>
/// <param name="First">The message (or raised event) that started the record's orchestration here, carried in the start so it cannot be lost as an event.</param>
/// <param name="StateJson">The indexed state when a record whose orchestration had ended is opened again (a late acknowledgement, a vessel's arrival).</param>
public sealed record CargoStart(string Reference, string NodeCountry, MovementTimes Times, MovementMessage? First, string? StateJson = null);
