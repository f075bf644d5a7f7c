using C2C.Core.Exchange;

namespace C2C.Core.Tests.Exchange;

public sealed class MovementGateTests
{
    [Fact]
    public async Task One_movement_waits_for_its_previous_delivery_others_do_not()
    {
        var gate = new MovementGate();
        var first = await gate.EnterAsync("26TGLOM000000142J4", CancellationToken.None);
        var sameMovement = gate.EnterAsync("26TGLOM000000142J4", CancellationToken.None);
        var otherMovement = gate.EnterAsync("26TGLOM000000143J0", CancellationToken.None);

        Assert.True(otherMovement.IsCompletedSuccessfully);
        await Task.Delay(50);
        Assert.False(sameMovement.IsCompleted);
        first.Dispose();
        (await sameMovement.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await otherMovement).Dispose();
        Assert.Equal(0, gate.ActiveKeys);
    }

    [Fact]
    public async Task Order_within_a_movement_is_arrival_order_and_gates_are_released_after_cancellation()
    {
        var gate = new MovementGate();
        var order = new List<int>();
        var holder = await gate.EnterAsync("m", CancellationToken.None);
        // EnterAsync queues the caller before it first yields: calling in this order is arriving in this order.
        var waiters = Enumerable.Range(1, 5).Select(i => RecordAsync(gate.EnterAsync("m", CancellationToken.None), i)).ToList();
        async Task RecordAsync(Task<IDisposable> entering, int i)
        {
            using var lease = await entering;
            lock (order)
                order.Add(i);
        }
        await Task.Delay(100);
        using var cancelled = new CancellationTokenSource();
        var giveUp = gate.EnterAsync("m", cancelled.Token);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => giveUp);
        holder.Dispose();
        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 2, 3, 4, 5], order);
        Assert.Equal(0, gate.ActiveKeys);
    }
}
