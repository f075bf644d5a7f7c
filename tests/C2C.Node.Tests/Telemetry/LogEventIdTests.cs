using System.Reflection;
using Microsoft.Extensions.Logging;

namespace C2C.Node.Tests.Telemetry;

/// <summary>
/// Every source-generated log message of the solution has its own stable event id (alerts and saved queries name them)
/// and lives in its project's Logs class.
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly string[] Projects =
        ["C2C.Core", "C2C.Node", "C2C.Orchestration", "C2C.Orchestration.HandOff", "C2C.Adapters.DurableTask", "C2C.Adapters.Storage",
         "C2C.Adapters.RabbitMq", "C2C.Adapters.ServiceBus", "C2C.Adapters.Security"];

    private static IReadOnlyList<(MethodInfo Method, LoggerMessageAttribute Message)> LogMessages() =>
        [.. Projects.Select(Assembly.Load).SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Message: m.GetCustomAttribute<LoggerMessageAttribute>()!))
            .Where(m => m.Message is not null)];

    [Fact]
    public void Event_ids_are_set_and_unique_across_the_solution()
    {
        var messages = LogMessages();
        Assert.True(messages.Count >= 15, $"only {messages.Count} log messages found");
        Assert.All(messages, m => Assert.True(m.Message.EventId > 0, $"{m.Method.DeclaringType}.{m.Method.Name} has no event id"));
        var reused = messages.GroupBy(m => m.Message.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}"))}").ToList();
        Assert.True(reused.Count == 0, "event ids used twice: " + string.Join("; ", reused));
    }

    [Fact]
    public void Log_messages_live_in_one_Logs_class_per_project()
    {
        var outside = LogMessages().Where(m => m.Method.DeclaringType!.Name != "Logs").Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}").ToList();
        Assert.True(outside.Count == 0, "outside a Logs class: " + string.Join(", ", outside));
        Assert.All(LogMessages().GroupBy(m => m.Method.DeclaringType!.Assembly), project => Assert.Single(project.Select(m => m.Method.DeclaringType).Distinct()));
    }
}
