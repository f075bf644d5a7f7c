using C2C.Core.Transit;
using C2C.Core.Validation;
using C2C.Orchestration.Messages;

namespace C2C.Node.Tests.Worker;

/// <summary>A TG movement's messages as the ingest hands them over: the declaration from a TG office, the reports from Burkina Faso.</summary>
internal static class WorkerMessages
{
    private static readonly MessageValidator Validator = new();

    public static MovementMessage Declaration(string mrn) => Message("IE015-TransitDeclaration", mrn, MessageOrigin.Local);

    /// <summary>Border passage at Cinkassé, arrival and control results at Ouagadougou.</summary>
    public static IReadOnlyList<MovementMessage> Reports(string mrn) =>
        [.. new[] { "IE118-BorderPassageNotification", "IE006-ArrivalAdvice", "IE018-ControlResults" }.Select(s => Message(s, mrn, MessageOrigin.Partner))];

    private static MovementMessage Message(string sample, string mrn, MessageOrigin origin)
    {
        var result = Validator.Validate(Samples.ForMovement(sample, mrn));
        var parsed = result.Message ?? throw new InvalidOperationException($"sample {sample}: {result.Rejection!.Errors[0].Reason}");
        return MovementMessage.Of(parsed, origin, origin == MessageOrigin.Partner ? "Valid" : "NotSigned");
    }
}
