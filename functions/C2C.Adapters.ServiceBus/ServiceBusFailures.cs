using Azure.Messaging.ServiceBus;

namespace C2C.Adapters.ServiceBus;

/// <summary>What the node does about a Service Bus failure: every one leaves the message where it is (the outbox row, or the locked delivery).</summary>
public enum FailureHandling
{
    /// <summary>Passing (busy, timeout, connection): the SDK has retried already, the outbox relay or the broker's redelivery tries again.</summary>
    Retry,

    /// <summary>Needs operations (entity missing or disabled, quota, size, credential): retried too, and raised as an alert.</summary>
    RetryAndAlert,
}

/// <summary>
/// The messaging port's promise applied to ServiceBusException reasons: a publish either is confirmed or throws
/// (the outbox keeps the message); a settlement that fails leaves the delivery to Service Bus (redelivered, counted).
/// </summary>
public static class ServiceBusFailures
{
    public static (FailureHandling Handling, string Meaning) Classify(Exception exception) => exception switch
    {
        ServiceBusException { Reason: ServiceBusFailureReason.ServiceBusy } => (FailureHandling.Retry, "throttled (ServerBusy): retried after the SDK's pause"),
        ServiceBusException { Reason: ServiceBusFailureReason.ServiceTimeout or ServiceBusFailureReason.ServiceCommunicationProblem } => (FailureHandling.Retry, "namespace unreachable for now"),
        ServiceBusException { Reason: ServiceBusFailureReason.MessageLockLost } => (FailureHandling.Retry, "lock lost (expired or link closed): Service Bus delivers the message again, counted"),
        ServiceBusException { Reason: ServiceBusFailureReason.QuotaExceeded } => (FailureHandling.RetryAndAlert, "quota exceeded: the topic is full (is its receiver down?)"),
        ServiceBusException { Reason: ServiceBusFailureReason.MessageSizeExceeded } => (FailureHandling.RetryAndAlert, "larger than the topic takes: check the destination's MaxMessageKilobytes against its tier"),
        ServiceBusException { Reason: ServiceBusFailureReason.MessagingEntityNotFound } => (FailureHandling.RetryAndAlert, "entity not found: topic or subscription not deployed (no receiver yet)"),
        ServiceBusException { Reason: ServiceBusFailureReason.MessagingEntityDisabled } => (FailureHandling.RetryAndAlert, "entity disabled by its owner"),
        UnauthorizedAccessException => (FailureHandling.RetryAndAlert, "credential refused: SAS key or role assignment"),
        ServiceBusException { IsTransient: true } => (FailureHandling.Retry, "transient Service Bus failure"),
        _ => (FailureHandling.RetryAndAlert, "unexpected failure"),
    };
}

/// <summary>How the adapter reports what it could not do; <paramref name="alert"/> asks operations to act (logged as an error).</summary>
public delegate void ProblemReport(string text, Exception? exception, bool alert);
