using C2C.Core.Transit;
using C2C.Orchestration.Activities;
using CsCheck;
using Microsoft.DurableTask.Client;

namespace C2C.Orchestration.Tests.Transit;

/// <summary>
/// The whole corridor, both sides: Togo's and Burkina Faso's orchestrations, each on its own host, with a network
/// between them that delivers what one publishes to the other in any order and some of it twice. Burkina's offices
/// report in order, each once its movement allows it (as an office that sees each answer does). Whatever the network
/// does, every journey ends written off on both sides, or cancelled on both sides when Lomé invalidates it after
/// release; every message is applied once at each node, and nothing is refused.
/// </summary>
public sealed class CorridorPropertyTests
{
    /// <summary>Each sample is a whole journey across two hosts (seconds): few, each complete.</summary>
    private const int Samples = 8;

    /// <summary>Invalidated after release or not; the network's choices (which pending delivery next, which to repeat).</summary>
    private static readonly Gen<(bool Invalidate, int[] Choices)> Journeys = Gen.Select(Gen.Bool, Gen.Int[0, 999].Array[64]);

    [Fact]
    public async Task Whatever_order_and_repeats_the_network_delivers_both_nodes_end_written_off_or_cancelled_each_message_applied_once()
    {
        await using var tg = await OrchestratorHost.StartAsync("TG");
        await using var bf = await OrchestratorHost.StartAsync("BF");
        await Journeys.SampleAsync(async journey =>
        {
            var movement = Movements.New();
            var network = new Network(tg, bf, movement, journey.Choices);
            await tg.StartAsync(movement, movement.Released());
            if (journey.Invalidate)
            {
                await tg.DeliverAsync(movement, new InvalidationDecided(movement.Mrn[4..] + "-inv", "TGLOM001", "TGLOM001", MessageOrigin.Local, "declared in error"));
                await network.RunUntilAsync(() => Both(tg, bf, movement, "Cancelled"));
            }
            else
            {
                await network.RunUntilAsync(() => bf.Effects.StatusOf(movement.Mrn) == "ExpectedAtBorder");
                foreach (var (report, status) in new (TransitEvent, string)[]
                         {
                             (movement.Passage(MessageOrigin.Local), "ExpectedAtDestination"),
                             (movement.Arrival(MessageOrigin.Local), "ArrivedAtDestination"),
                             (movement.Results(MessageOrigin.Local), "ControlResultsSent"),
                         })
                {
                    await bf.DeliverAsync(movement, report);
                    await network.RunUntilAsync(() => bf.Effects.StatusOf(movement.Mrn) is var s && (s == status || s == "WrittenOff"));
                }
                await network.RunUntilAsync(() => Both(tg, bf, movement, "WrittenOff"));
            }
            var end = journey.Invalidate ? "Cancelled" : "WrittenOff";
            foreach (var node in new[] { tg, bf })
            {
                var done = await node.CompletionAsync(movement);
                Assert.Equal((OrchestrationRuntimeStatus.Completed, $"\"{end}\""), (done.RuntimeStatus, done.SerializedOutput));
                var steps = node.Effects.Steps.Where(s => s.Mrn == movement.Mrn && s.Inbound is not null).ToList();
                Assert.Equal(steps.Count, steps.DistinctBy(s => s.TriggerId).Count());
                Assert.DoesNotContain(node.Effects.Refusals, r => r.Message.MovementReference == movement.Mrn);
            }
            // Everything one node published was applied at the other (the records, the reports, the end).
            foreach (var (from, to) in new[] { (tg, bf), (bf, tg) })
            {
                foreach (var sent in from.Effects.Published.Where(p => p.Mrn == movement.Mrn).DistinctBy(p => p.MessageId))
                    Assert.Contains(to.Effects.Steps, s => s.TriggerId == sent.MessageId);
            }
        }, iter: Samples, threads: 1, print: j => $"{(j.Invalidate ? "invalidated" : "journey")} {string.Join(",", j.Choices.Take(12))}");
    }

    private static bool Both(OrchestratorHost tg, OrchestratorHost bf, Movements movement, string status) =>
        tg.Effects.StatusOf(movement.Mrn) == status && bf.Effects.StatusOf(movement.Mrn) == status;

    /// <summary>
    /// Carries what each node publishes to the other, as the broker would, but in an order and with repeats the
    /// choices decide: the first delivery to a node starts the movement there, later ones are raised.
    /// </summary>
    private sealed class Network(OrchestratorHost tg, OrchestratorHost bf, Movements movement, int[] choices)
    {
        /// <summary>At most this many repeats per journey: enough to disturb, few enough to stay quick.</summary>
        private const int MaxRepeats = 4;

        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
        private readonly List<(OrchestratorHost To, TransitEvent Message)> _pending = [];
        private readonly HashSet<OrchestratorHost> _started = [];
        private int _choice;
        private int _repeats;

        public async Task RunUntilAsync(Func<bool> done, int seconds = 30)
        {
            _started.Add(tg);
            for (var deadline = DateTime.UtcNow.AddSeconds(seconds); !done(); )
            {
                Collect(tg, bf);
                Collect(bf, tg);
                if (_pending.Count == 0)
                {
                    if (DateTime.UtcNow > deadline)
                        throw new TimeoutException($"{movement.Mrn}: TG {tg.Effects.StatusOf(movement.Mrn)}, BF {bf.Effects.StatusOf(movement.Mrn)}, nothing left to deliver");
                    await Task.Delay(50);
                    continue;
                }
                var at = Next() % _pending.Count;
                var (to, message) = _pending[at];
                if (_repeats < MaxRepeats && Next() % 4 == 0)
                    _repeats++; // delivered now and left pending: it comes again later
                else
                    _pending.RemoveAt(at);
                if (_started.Add(to))
                    await to.StartAsync(movement, message);
                else
                    await to.DeliverAsync(movement, message);
            }
        }

        private int Next() => choices[_choice++ % choices.Length];

        private void Collect(OrchestratorHost from, OrchestratorHost to)
        {
            foreach (var sent in from.Effects.Published.Where(p => p.Mrn == movement.Mrn))
            {
                if (_taken.Add(sent.MessageId))
                    _pending.Add((to, AsReceived(sent, from.Effects.RecipientOf(sent.MessageId))));
            }
        }

        /// <summary>What the receiving node's ingest would read from the published message.</summary>
        private TransitEvent AsReceived(OutboundMessage sent, string recipient) => sent.MessageType switch
        {
            "IE050" or "IE001" => new AnticipatedRecordReceived(sent.MessageId, sent.MessageType, "TGLOM001", recipient, MessageOrigin.Partner, movement.Facts),
            "IE118" => new BorderPassage(sent.MessageId, "BFCIN001", recipient, MessageOrigin.Partner, "BFCIN001", DateTimeOffset.UtcNow, true),
            "IE006" => new ArrivalAdvised(sent.MessageId, "BFOUA001", recipient, MessageOrigin.Partner, "BFOUA001", DateTimeOffset.UtcNow),
            "IE018" => new ControlResultsReported(sent.MessageId, "BFOUA001", recipient, MessageOrigin.Partner, "BFOUA001", "A1"),
            "IE045" => new WriteOffNotified(sent.MessageId, "TGLOM001", recipient, MessageOrigin.Partner),
            "IE010" => new CancellationNotified(sent.MessageId, "TGLOM001", recipient, MessageOrigin.Partner),
            _ => throw new InvalidOperationException($"the corridor test does not carry {sent.MessageType}"),
        };
    }
}
