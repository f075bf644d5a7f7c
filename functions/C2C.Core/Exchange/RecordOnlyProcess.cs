using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Exchange;

/// <summary>
/// Acknowledgements that name no movement (a NACK of an unreadable message, a receipt): archived and listed in the
/// history of the "_no-movement" record so an auditor still finds them, with no state machine behind them.
/// </summary>
public static class RecordOnlyProcess
{
    public static bool Handles(ParsedMessage message) =>
        message.Kind.Family == MessageFamily.Control && message.MovementReference is not { Length: 18 };

    public static MovementDecision Decide(string reference, MovementRecord? current, ParsedMessage m, MessageOrigin origin) =>
        new(MovementStatus.Recorded, MovementDecision.NoState, new Dictionary<string, string>(), [], [], [],
            $"{m.Kind.Code} from {m.Header.SenderOffice} recorded (answers {m.Header.CorrelationId ?? "no message"})", null);
}
