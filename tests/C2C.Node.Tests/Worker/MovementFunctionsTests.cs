using System.Reflection;
using C2C.Core.Ports;
using C2C.Node.Hosting.Worker;
using C2C.Orchestration;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Transit;
using C2C.Testing.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// The movements on the Durable extension: every orchestrator and activity class runs as the function of its name, and
/// a movement handed over through the queue door reaches its write-off through those functions, published to Service Bus.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class MovementFunctionsTests(LocalStack stack) : IDisposable
{
    private readonly TestNetwork _network = new("TG", "BF");

    public void Dispose() => _network.Dispose();

    [Fact]
    public void Every_orchestrator_and_activity_class_runs_as_the_function_of_its_name()
    {
        var tasks = typeof(TransitMovementOrchestrator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && BaseOf(t, typeof(TaskOrchestrator<,>), typeof(TaskActivity<,>)) is not null)
            .ToList();
        Assert.Equal(8, tasks.Count); // transit and cargo orchestrators, six activities (two of them the guarantee's)
        var functions = typeof(MovementFunctions).GetMethods().Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name);
        foreach (var task in tasks)
        {
            Assert.True(functions.TryGetValue(task.Name, out var function), $"{task.Name} has no function of its name");
            var baseType = BaseOf(task, typeof(TaskOrchestrator<,>), typeof(TaskActivity<,>))!;
            var (input, output) = (baseType.GetGenericArguments()[0], baseType.GetGenericArguments()[1]);
            Assert.Equal(typeof(Task<>).MakeGenericType(output), function.ReturnType);
            var trigger = function.GetParameters()[0];
            if (baseType.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>))
                Assert.NotNull(trigger.GetCustomAttribute<OrchestrationTriggerAttribute>());
            else
                Assert.Equal((true, input), (trigger.GetCustomAttribute<ActivityTriggerAttribute>() is not null, trigger.ParameterType));
        }
    }

    [Fact]
    public async Task A_movement_handed_over_through_the_queue_door_journeys_through_the_functions_to_its_write_off()
    {
        await using var bus = new ServiceBusNamespace().AddTopic("TG").AddTopic("BF");
        bus.Start();
        await using var node = await new WorkerNode(_network, "TG", stack) { Engine = true, Settings = WorkerNode.ServiceBus(bus, "BF") }.StartAsync();
        var (door, handOff, index) = (node.Services.GetRequiredService<IMovementDoor>(), node.Services.GetRequiredService<MovementHandOff>(), node.Services.GetRequiredService<IMovementIndex>());
        Assert.IsType<QueueMovementDoor>(door);
        var mrn = Samples.NewMrn();

        var declaration = WorkerMessages.Declaration(mrn);
        var reports = WorkerMessages.Reports(mrn);
        var handedOver = reports.Select(r => r.MessageId).Prepend(declaration.MessageId).ToList();
        var released = await handOff.HandOverAsync(door, declaration, CancellationToken.None);
        Assert.Equal(HandOffStatus.Applied, released.Status);
        Assert.Contains("<MessageType>IE928</MessageType>", System.Text.Encoding.UTF8.GetString(released.Receipt));
        foreach (var report in reports)
            Assert.Equal(HandOffStatus.Applied, (await handOff.HandOverAsync(door, report, CancellationToken.None)).Status);

        Assert.Equal("WrittenOff", (await index.GetAsync(mrn, CancellationToken.None))!.Status.Name);
        // Each message went through the queue function (a note whose visibility ran out on a busy machine comes again: at
        // least once) and was applied once; what the movement sent Burkina Faso was published on its topic.
        Assert.InRange(node.Services.GetRequiredService<FunctionsHostDouble.HandOffQueueTrigger>().Invocations, 4, 4 * 5); // host.json: maxDequeueCount 5
        var history = await index.HistoryAsync(mrn, CancellationToken.None);
        Assert.All(handedOver, id => Assert.Single(history, e => e.MessageId == id));
        var sent = history.Where(e => e.Direction == MessageDirection.Outbound).Select(e => e.MessageId).ToList();
        Assert.NotEmpty(sent);
        await Eventually(() => sent.All(id => bus.Sent.Contains(("c2c.bf", id))), "every outbound message published to c2c.bf");

        // Operations see the movement's orchestration beside its state, read with the HTTP function's Durable client.
        using var auditor = node.Client(_network.AuditorKey("TG"));
        var movement = System.Text.Json.Nodes.JsonNode.Parse(await auditor.GetStringAsync($"api/v1/movements/{mrn}"))!;
        Assert.Equal(MovementInstances.Transit(mrn), movement["orchestration"]!["instanceId"]!.GetValue<string>());
        Assert.Equal("Running", movement["orchestration"]!["runtimeStatus"]!.GetValue<string>()); // closed, it stays open a while for late messages
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not seen within 60 s: {what}");
            await Task.Delay(100);
        }
    }

    private static Type? BaseOf(Type type, params Type[] definitions)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && definitions.Contains(t.GetGenericTypeDefinition()))
                return t;
        return null;
    }
}
