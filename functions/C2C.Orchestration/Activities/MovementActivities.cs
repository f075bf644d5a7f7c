using C2C.Core.Exchange;
using C2C.Core.Messages;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;
using C2C.Orchestration.Transit;
using Microsoft.DurableTask;

namespace C2C.Orchestration.Activities;

/// <summary>
/// The movement's effects as the orchestrator calls them: each an activity, each idempotent (an id derived from what
/// caused it), retried by Durable with backoff. Storage or a broker that stays down longer than the retries is waited
/// for with a durable timer, so the movement keeps its order and loses nothing.
/// </summary>
/// <param name="reference">The movement's reference: an MRN, a consignment or a voyage.</param>
internal sealed class MovementActivities(TaskOrchestrationContext context, string reference, MovementTimes times)
{
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    private Task<RecordedStep> RecordAsync(string triggerId, string triggerType, MovementMessage? message, MovementDecision decision, DateTimeOffset at,
        MessageError? refusal = null) =>
        RecordAsync(new MovementStep(reference, triggerId, triggerType, message, decision, at, refusal));

    /// <summary>
    /// The step recorded and what it sends published, in the movement's order: by the record's own activity from
    /// <see cref="MovementVersions.PublishedWithTheRecord"/>, before that by one activity per message (as such movements replay).
    /// </summary>
    public async Task RecordAndPublishAsync(string triggerId, string triggerType, MovementMessage? message, MovementDecision decision, DateTimeOffset at)
    {
        var together = context.CompareVersionTo(MovementVersions.PublishedWithTheRecord) >= 0;
        var recorded = await RecordAsync(new MovementStep(reference, triggerId, triggerType, message, decision, at, Publish: together));
        if (!together)
            await PublishAsync(recorded.ToPublish);
    }

    private Task<RecordedStep> RecordAsync(MovementStep step) =>
        UntilDoneAsync(() => context.CallActivityAsync<RecordedStep>(nameof(RecordMovementStep), step, Retried));

    /// <summary>A held message is in the history at once (the ingest's proof that the movement has it), with no change of state.</summary>
    public Task RecordHoldAsync(MovementMessage message, MessageError error, MovementStatus status) =>
        RecordAsync($"held-{message.MessageId}", message.MessageType, message,
            Unchanged(status, $"{message.MessageType} held: {error.Reason} It is applied once the movement allows it, else refused when its hold ends."), Now);

    public async Task EndHoldAsync(HeldDelivery ended, MovementStatus status)
    {
        var root = MessageCatalog.FindByCode(ended.Message.MessageType)?.RootElement ?? ended.Message.MessageType;
        var error = new MessageError(ended.Code ?? ErrorCodes.OutOfSequence, $"{ended.Reason} (held from {ended.HeldAt:yyyy-MM-dd HH:mm:ss}Z, its hold ended)", $"/{root}/Header");
        await RecordAsync($"holdend-{ended.Message.MessageId}", "TIMER", null,
            Unchanged(status, $"Hold ended for {ended.Message.MessageType} {ended.Message.MessageId}: refused, out of sequence"), Now);
        await SendNackAsync(ended.Message, error);
    }

    /// <summary>
    /// A message refused at once is in the history too (from <see cref="MovementVersions.RefusalsInHistory"/>), with no
    /// change of state: the ingest's proof that the movement had it, and the auditor's record of what was refused.
    /// </summary>
    public Task RecordRefusalAsync(MovementMessage message, MessageError error, MovementStatus status) =>
        RecordAsync($"refused-{message.MessageId}", message.MessageType, message,
            Unchanged(status, $"{message.MessageType} refused ({error.Code}): {error.Reason}"), Now, error);

    public Task<string> SendNackAsync(MovementMessage message, MessageError error) =>
        UntilDoneAsync(() => context.CallActivityAsync<string>(nameof(SendFunctionalNack), new Refusal(message, error, Now), Retried));

    /// <summary>In the movement's order: the next one goes only once the one before is confirmed by the broker.</summary>
    private async Task PublishAsync(IReadOnlyList<OutboundMessage> messages)
    {
        foreach (var message in messages)
            await UntilDoneAsync(() => context.CallActivityAsync<string>(nameof(PublishToPartner), message, Retried));
    }

    public Task<GuaranteeAnswer> ReserveGuaranteeAsync(GuaranteeRequest request) =>
        UntilDoneAsync(() => context.CallActivityAsync<GuaranteeAnswer>(nameof(ReserveGuarantee), request, Retried));

    public Task<string> SettleGuaranteeAsync(GuaranteeSettlement settlement) =>
        UntilDoneAsync(() => context.CallActivityAsync<string>(nameof(SettleGuarantee), settlement, Retried));

    /// <summary>An event for another movement: true once that movement has recorded it (see <see cref="DeliverToMovement"/>).</summary>
    public Task<bool> DeliverAsync(MovementMessage message) =>
        UntilDoneAsync(() => context.CallActivityAsync<bool>(nameof(DeliverToMovement), message, Retried));

    private async Task<T> UntilDoneAsync<T>(Func<Task<T>> call)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (TaskFailedException)
            {
                // The activity's retries are used up (a partner's broker or storage down for long): wait, durably, and go on.
                await context.CreateTimer(times.RetryPublishAfter, CancellationToken.None);
            }
        }
    }

    private static MovementDecision Unchanged(MovementStatus status, string history) =>
        new(status, "", new Dictionary<string, string>(), [], [], [], history, null, Persist: false);

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
