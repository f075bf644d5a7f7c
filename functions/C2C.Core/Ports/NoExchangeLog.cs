namespace C2C.Core.Ports;

/// <summary>Logs nothing: unit tests and tools that have no log.</summary>
public sealed class NoExchangeLog : IExchangeLog
{
    public static readonly NoExchangeLog Instance = new();

    public void DeadLettered(string messageId, string sourceCountry, string reason, string detail) { }

    public void ContentFailed(string messageId, int deliveryCount, Exception exception) { }

    public void NackSent(string nackType, string code, string destinationCountry, string? originalMessageId) { }

    public void DeadLetterHandled(string action, string messageId, string family, string result, string by) { }
}
