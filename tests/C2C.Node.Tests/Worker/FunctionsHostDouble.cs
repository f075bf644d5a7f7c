using System.Reflection;
using System.Text.Json;
using C2C.Node.Hosting.Worker;
using C2C.Orchestration.Activities;
using C2C.Orchestration.Cargo;
using C2C.Orchestration.Messages;
using C2C.Orchestration.HandOff;
using C2C.Orchestration.Transit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace C2C.Node.Tests.Worker;

/// <summary>
/// What the Functions host and the worker's extensions do for the node's functions, done here where the host cannot
/// run (PACKAGES.md): HTTP requests matched to an HTTP function by its route and methods (host.json's route prefix) and
/// the function's IResult executed on the request; the Durable extension's work done by the local engine running the
/// function wrappers (not the classes directly); the hand-off queue polled and each note given to the queue function
/// with a Durable client. The functions are the node's own, called as the worker calls them.
/// </summary>
internal static class FunctionsHostDouble
{
    public sealed record HttpFunction(string Name, MethodInfo Method, string Route, IReadOnlyList<string> Methods, TemplateMatcher Matcher)
    {
        public bool Serves(HttpRequest request) =>
            Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase) && Matcher.TryMatch(request.Path, []);
    }

    public static readonly string RoutePrefix = HostJson.Read().GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()!;

    public static readonly IReadOnlyList<HttpFunction> HttpFunctions = typeof(HttpFunctions).GetMethods()
        .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)))
        .Where(f => f.Function is not null && f.Trigger is not null)
        .Select(f =>
        {
            var route = RoutePrefix.Length == 0 ? f.Trigger!.Route! : $"{RoutePrefix}/{f.Trigger!.Route}";
            return new HttpFunction(f.Function!.Name, f.Method, route, f.Trigger.Methods ?? [], new TemplateMatcher(TemplateParser.Parse(route), []));
        })
        .ToList();

    /// <summary>The host's HTTP side: the first function whose route and methods take the request, else 404 (as the host answers).</summary>
    public static async Task InvokeHttpAsync(HttpContext context)
    {
        if (HttpFunctions.FirstOrDefault(f => f.Serves(context.Request)) is not { } function)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var functions = ActivatorUtilities.CreateInstance<HttpFunctions>(context.RequestServices);
        // The bindings: the request, and a Durable client (the local engine's, where the test runs one).
        var arguments = function.Method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request
            : p.ParameterType == typeof(DurableTaskClient) ? (object?)context.RequestServices.GetService<IDurableTaskClientProvider>()?.GetClient()
            : throw new NotSupportedException($"{function.Name}: no binding for {p.Name}")).ToArray();
        var result = (IResult)function.Method.Invoke(functions, arguments)!;
        await result.ExecuteAsync(context);
    }

    /// <summary>The movement orchestrations as the Durable extension runs them: through <see cref="MovementFunctions"/>, by their function names.</summary>
    public static DurableTaskRegistry AddMovementFunctions(this DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<TransitStart, string>(nameof(TransitMovementOrchestrator), (context, _) => MovementFunctions.TransitMovement(context))
        .AddOrchestratorFunc<CargoStart, string>(nameof(CargoMovementOrchestrator), (context, _) => MovementFunctions.CargoMovement(context))
        .AddActivity(nameof(RecordMovementStep), sp => new FunctionActivity<MovementStep, RecordedStep>(sp, nameof(RecordMovementStep), MovementFunctions.RecordStep))
        .AddActivity(nameof(PublishToPartner), sp => new FunctionActivity<OutboundMessage, string>(sp, nameof(PublishToPartner), MovementFunctions.Publish))
        .AddActivity(nameof(SendFunctionalNack), sp => new FunctionActivity<Refusal, string>(sp, nameof(SendFunctionalNack), MovementFunctions.Nack))
        .AddActivity(nameof(DeliverToMovement), sp => new FunctionActivity<MovementMessage, bool>(sp, nameof(DeliverToMovement), MovementFunctions.Deliver))
        .AddActivity(nameof(ReserveGuarantee), sp => new FunctionActivity<GuaranteeRequest, GuaranteeAnswer>(sp, nameof(ReserveGuarantee), MovementFunctions.Reserve))
        .AddActivity(nameof(SettleGuarantee), sp => new FunctionActivity<GuaranteeSettlement, string>(sp, nameof(SettleGuarantee), MovementFunctions.Settle));

    /// <summary>An activity function invoked as the worker invokes it: its trigger input, the instance id, a context with a fresh scope.</summary>
    private sealed class FunctionActivity<TInput, TOutput>(IServiceProvider services, string name, Func<TInput, string, FunctionContext, Task<TOutput>> function)
        : TaskActivity<TInput, TOutput>
    {
        public override async Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
        {
            await using var scope = services.CreateAsyncScope();
            return await function(input, context.InstanceId, new WorkerFunctionContext(scope.ServiceProvider, name));
        }
    }

    /// <summary>
    /// The host's queue trigger on the hand-off queue: each note to <see cref="MovementDoorFunction"/>, deleted once the
    /// function returns; a failed one stays and comes back after host.json's visibility timeout, as on Azure.
    /// </summary>
    public sealed class HandOffQueueTrigger(QueueMovementDoor door, DurableTaskClient client, IServiceProvider services, ILogger<HandOffQueueTrigger> log) : BackgroundService
    {
        private static readonly TimeSpan VisibilityTimeout = TimeSpan.Parse(HostJson.Read().GetProperty("extensions").GetProperty("queues").GetProperty("visibilityTimeout").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

        public int Invocations;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var received = (await door.Queue.ReceiveMessagesAsync(16, VisibilityTimeout, stoppingToken)).Value;
                foreach (var message in received)
                {
                    Interlocked.Increment(ref Invocations);
                    try
                    {
                        await using var scope = services.CreateAsyncScope();
                        await ActivatorUtilities.CreateInstance<MovementDoorFunction>(scope.ServiceProvider).RunAsync(message.Body.ToString(), client, stoppingToken);
                        await door.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
                    }
                    catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                    {
                        log.LogWarning(e, "hand-off note {MessageId} failed; it comes back after {Timeout}", message.MessageId, VisibilityTimeout);
                    }
                }
                if (received.Length == 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
            }
        }
    }

    /// <summary>functions/C2C.Node/host.json, as deployed at the package's root.</summary>
    public static class HostJson
    {
        public static string Path => System.IO.Path.Combine(RepoPaths.Root, "functions", "C2C.Node", "host.json");

        public static JsonElement Read() => JsonDocument.Parse(File.ReadAllText(Path)).RootElement.Clone();
    }
}
