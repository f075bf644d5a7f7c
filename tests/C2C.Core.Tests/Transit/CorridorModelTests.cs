using C2C.Core.Messages;
using C2C.Core.Transit;
using C2C.Core.Validation;
using CsCheck;
using static C2C.Core.Tests.Transit.Journey;

namespace C2C.Core.Tests.Transit;

/// <summary>
/// The two deciders joined by a wire that delivers in any order, repeats deliveries and holds a message that does
/// not fit yet (as the exchange does, <c>MessageExchange.Holds</c>): whatever the order, the journey ends written off
/// (or cancelled) at departure and at the destination, every message sent is applied exactly once at its receiver and none is
/// refused. The national offices act in the real world's order (the truck passes the border after release, arrives
/// after it passed, is controlled after it arrived), but their node may not have heard of the movement yet.
/// </summary>
public sealed class CorridorModelTests
{
    private sealed class Side(string name, bool departure)
    {
        public string Name { get; } = name;
        public bool Departure { get; } = departure;
        public TransitState? State { get; set; }
        public HashSet<string> Applied { get; } = [];
    }

    private sealed record Envelope(TransitEvent Event, Side To);

    [Fact]
    public void Any_delivery_order_ends_written_off_on_both_sides_with_every_message_applied_once() =>
        Gen.Int[0, 1_000_000].Array[120].Sample(choices => Run(choices) is not { } wrong ? true : throw new Xunit.Sdk.XunitException(wrong), iter: 2000);

    [Fact]
    public void The_model_notices_a_lost_message()
    {
        // Sanity of the model itself: if the wire drops the write-off notice, the destination does not end written off.
        var random = new Random(2026);
        var choices = Enumerable.Range(0, 120).Select(i => i == 0 ? 0 : random.Next(1_000_000)).ToArray(); // the first choice: the journey
        Assert.Null(Run(choices));
        Assert.Contains("BF", Run(choices, drop: "IE045"));
    }

    /// <returns>null if the journey ended as it must, else what went wrong.</returns>
    private static string? Run(int[] choices, string? drop = null)
    {
        var next = 0;
        int Choose(int n) => choices[next++ % choices.Length] % n;
        var tg = new Side("TG", departure: true);
        var bf = new Side("BF", departure: false);
        var wire = new List<Envelope>();
        // The journey, with or without an incident, or an invalidation right after release (the truck never leaves).
        var variant = Choose(3);
        var end = variant == 2 ? TransitStatus.Cancelled : TransitStatus.WrittenOff;
        var localTg = new Queue<TransitEvent>(variant == 2 ? [Journey.Released(), Invalidation()] : [Journey.Released()]);
        var localBf = new Queue<TransitEvent>(variant switch
        {
            0 => [Passage(MessageOrigin.Local), Arrival(MessageOrigin.Local), Results(MessageOrigin.Local)],
            1 => [Passage(MessageOrigin.Local), Incident(MessageOrigin.Local), Arrival(MessageOrigin.Local), Results(MessageOrigin.Local)],
            _ => [],
        });

        for (var step = 0; step < 5000; step++)
        {
            var canActAtBf = localTg.Count == 0 && localBf.Count > 0;
            var options = (localTg.Count > 0 ? 1 : 0) + (canActAtBf ? 1 : 0) + wire.Count;
            if (options == 0)
                break;
            var pick = Choose(options);
            if (localTg.Count > 0 && pick-- == 0)
            {
                if (Apply(tg, localTg.Dequeue(), wire, tg, bf, drop) is { } refused)
                    return refused;
                continue;
            }
            if (canActAtBf && pick-- == 0)
            {
                if (Apply(bf, localBf.Dequeue(), wire, tg, bf, drop) is { } refused)
                    return refused;
                continue;
            }
            var envelope = wire[pick];
            var repeat = Choose(4) == 0; // the broker delivers it again later
            if (!repeat)
                wire.RemoveAt(pick);
            if (envelope.To.Applied.Contains(envelope.Event.MessageId))
                continue; // a repeat: the exchange answers it from its dedup record
            var decision = Decide(envelope.To, envelope.Event);
            if (decision is { Rejection: { } error } && Holds(envelope.To, error))
            {
                if (!repeat)
                    wire.Add(envelope); // held: tried again after the movement changes
                if (wire.All(e => !e.To.Applied.Contains(e.Event.MessageId) && Decide(e.To, e.Event) is { Rejection: { } r } && Holds(e.To, r))
                    && localBf.Count == 0 && localTg.Count == 0)
                    return $"stuck: {string.Join(", ", wire.Select(e => $"{e.Event.MessageType} at {e.To.Name}"))} never fit";
                continue;
            }
            if (Apply(envelope.To, envelope.Event, wire, tg, bf, drop) is { } wrong)
                return wrong;
        }
        if (wire.Count > 0)
            return $"undelivered: {string.Join(", ", wire.Select(e => e.Event.MessageType))}";
        if (tg.State?.Status != end)
            return $"TG ended {tg.State?.Status}, not {end}";
        if (bf.State?.Status != end)
            return $"BF ended {bf.State?.Status}, not {end}";
        return null;
    }

    private static TransitDecision Decide(Side side, TransitEvent e) =>
        side.Departure ? DepartureDecider.Decide(Mrn, side.State, e, CorridorPolicy.Default) : ReceivingDecider.Decide(Mrn, side.State, e);

    /// <summary>As the exchange decides which refusals may heal (TransitProcess.MayWaitFor).</summary>
    private static bool Holds(Side side, MessageError error) =>
        error.Code is ErrorCodes.OutOfSequence or ErrorCodes.UnknownMrn
        && (side.State is { } s ? !s.IsTerminal : !side.Departure);

    /// <summary>Applies one message once (dedup on its id, as the exchange does) and puts what it sends on the wire.</summary>
    private static string? Apply(Side side, TransitEvent e, List<Envelope> wire, Side tg, Side bf, string? drop)
    {
        if (!side.Applied.Add(e.MessageId))
            return null;
        var d = Decide(side, e);
        if (d.Rejection is { } error)
            return $"{e.MessageType} refused at {side.Name}: {error.Code} {error.Reason}";
        side.State = d.State ?? side.State;
        var to = side.Departure ? bf : tg;
        foreach (var intent in d.Intents.Where(i => i.Kind.Code != drop))
            wire.Add(new Envelope(Wire(intent, e, side), to));
        return null;
    }

    /// <summary>What the receiver reads of a message its partner sends (the composer and the event reader, in short).</summary>
    private static TransitEvent Wire(TransitIntent i, TransitEvent trigger, Side from)
    {
        var id = i.Action == IntentAction.ForwardOriginal ? trigger.MessageId : $"{trigger.MessageId}-{i.Kind.Code}-{i.RecipientOffice}";
        var sender = from.Departure ? "TGLOM001" : trigger.SenderOffice;
        return (i.Action, i.Kind.Code) switch
        {
            (IntentAction.ForwardOriginal, _) => trigger with { Origin = MessageOrigin.Partner },
            (_, "IE050" or "IE001") => new AnticipatedRecordReceived(id, i.Kind.Code, sender, i.RecipientOffice, MessageOrigin.Partner, Facts),
            (_, "IE045") => new WriteOffNotified(id, sender, i.RecipientOffice, MessageOrigin.Partner),
            (_, "IE010") => new CancellationNotified(id, sender, i.RecipientOffice, MessageOrigin.Partner),
            (_, "IE003" or "IE115") => new RecordResponded(id, i.Kind.Code, sender, i.RecipientOffice, MessageOrigin.Partner, i.Detail is null ? Facts : null, i.Detail),
            (_, "IE002" or "IE114") => new RecordRequested(id, i.Kind.Code, i.Detail!, i.RecipientOffice, MessageOrigin.Partner, i.Detail!),
            (_, "IE142") => new EnquiryRequested(id, sender, i.RecipientOffice, MessageOrigin.Partner),
            (_, "IE143") => new EnquiryAnswered(id, "BFOUA001", i.RecipientOffice, MessageOrigin.Partner,
                i.Detail ?? (from.State?.ArrivedAt is null ? "NOT_ARRIVED" : "ARRIVED"), from.State?.ArrivedAt, Release.AddDays(5)),
            _ => new InformationReceived(id, i.Kind.Code, sender, i.RecipientOffice, MessageOrigin.Partner, i.Kind.Code),
        };
    }
}
