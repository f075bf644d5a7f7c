using C2C.Core.Cargo;
using C2C.Core.Outbound;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Exchange;

/// <summary>
/// The transit deciders seen from one node, on the index's terms: departure view for its own MRNs, receiving view
/// otherwise. Ingest decides at once with it on the indexed state; the recorder composes with it.
/// </summary>
public sealed class TransitProcess(string nodeCountry, CorridorPolicy policy)
{
    public MovementDecision Decide(string mrn, MovementRecord? current, ParsedMessage message, MessageOrigin origin)
    {
        var state = MovementDecision.HasState(current) ? TransitStateSerializer.Deserialize(current!.StateJson) : null;
        var e = TransitEventReader.Read(message, origin);
        var decision = IsDeparture(mrn)
            ? DepartureDecider.Decide(mrn, state, e, policy)
            : ReceivingDecider.Decide(mrn, state, e);
        return ToMovement(decision);
    }

    /// <summary>Departure waits only for its open movements; a receiving node also for a record still on its way.</summary>
    public bool MayWaitFor(string mrn, MovementRecord? current) =>
        MovementDecision.HasState(current) ? !TransitStateSerializer.Deserialize(current!.StateJson).IsTerminal : !IsDeparture(mrn);

    public byte[] Compose(TransitIntent intent, string messageId, string mrn, string? stateJsonAfter, ParsedMessage? declaration, DateTimeOffset now) =>
        TransitComposer.Compose(intent, messageId, mrn, string.IsNullOrEmpty(stateJsonAfter) ? null : TransitStateSerializer.Deserialize(stateJsonAfter), declaration, nodeCountry, now);

    /// <summary>The message whose declaration the state after a step is from (null: the movement's first).</summary>
    public static string? DeclarationMessageIdOf(string? stateJsonAfter) =>
        string.IsNullOrEmpty(stateJsonAfter) || stateJsonAfter == MovementDecision.NoState ? null : TransitStateSerializer.Deserialize(stateJsonAfter).DeclarationMessageId;

    public static bool NeedsDeclaration(TransitIntent intent) =>
        intent.Kind.Code is MessageCodes.AnticipatedArrivalRecord or MessageCodes.AnticipatedTransitRecord || (intent.Kind.Code is MessageCodes.ArrivalRecordResponse or MessageCodes.TransitRecordResponse && intent.Detail is null);

    private bool IsDeparture(string mrn) => mrn.Substring(2, 2) == nodeCountry;

    /// <summary>A decider's decision as the index keeps it (status, state JSON, the attributes ops and auditors look movements up by).</summary>
    public static MovementDecision ToMovement(TransitDecision d)
    {
        if (d.Rejection is { } error)
            return MovementDecision.Rejected(error);
        if (d.State is null)
            return new MovementDecision(MovementStatus.None, "", new Dictionary<string, string>(), d.Intents, [], [], d.History, null, Persist: false);
        var s = d.State;
        var attributes = new Dictionary<string, string> { ["Role"] = s.Role.ToString() };
        if (s.Facts is { } f)
        {
            attributes["OfficeOfDeparture"] = f.OfficeOfDeparture;
            attributes["OfficeOfDestination"] = s.OfficeOfDestination;
            attributes["TimeLimit"] = f.TimeLimit.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (f.MeansOfTransport is { } vehicle)
                attributes["MeansOfTransport"] = vehicle;
        }
        if (s.Alerts.Count > 0)
            attributes["Alerts"] = string.Join(" | ", s.Alerts);
        return new MovementDecision(s.Status, TransitStateSerializer.Serialize(s), attributes, d.Intents, d.SetDeadlines, d.ClearDeadlines, d.History, null,
            Persist: !d.ChangesNothing);
    }
}
