namespace C2C.Orchestration.Tests.LocalEngine;

/// <summary>Bounded polling: what the engine does happens on its own time, the test waits for it, never for ever.</summary>
internal static class Eventually
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(120));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not seen within the time allowed: {what}");
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
