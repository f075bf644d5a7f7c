using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Transit;

namespace C2C.Core.Dashboard;

/// <summary>
/// The ingest's refusals in the corridor figures: most functional NACKs are answered before any movement records the
/// message (unknown MRN, an MRN declared twice, a message out of sequence over HTTP), so the index never sees them.
/// Counted under the same contribution as a refusal the movement records, so one refused message counts once.
/// </summary>
public sealed class CountedRefusals(IMovementExchange inner, ICorridorFigures figures, TimeProvider clock) : IMovementExchange
{
    public async Task<ExchangeResult> AcceptAsync(ParsedMessage message, MessageOrigin origin, string signatureStatus, CancellationToken cancellationToken, bool holdIfEarly = false)
    {
        var result = await inner.AcceptAsync(message, origin, signatureStatus, cancellationToken, holdIfEarly);
        if (result is { Outcome: ExchangeOutcome.Rejected, Rejection: { } rejection })
        {
            var reference = message.MovementReference ?? Archive.ArchiveNaming.NoMovement;
            await figures.ApplyAsync(CorridorFigures.OfRefusal(rejection, clock.GetUtcNow()), FigureRows.RefusalId(reference, message.Header.MessageId), cancellationToken);
        }
        return result;
    }
}
