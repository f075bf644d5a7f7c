using System.Security.Cryptography;
using C2C.Core.Messages;
using C2C.Core.Ports;
using C2C.Core.Telemetry;

namespace C2C.Core.Exchange;

/// <param name="Removed">Left the dead-letter queue (applied on replay, or purged).</param>
public sealed record DeadLetterResult(string MessageId, string ContentSha256, bool Removed, string Result);
