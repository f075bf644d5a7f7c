using C2C.Core.Messages;
using C2C.Core.Validation;

namespace C2C.Core.Transit;

/// <summary>How an outgoing message is produced: composed by the node, or the received original forwarded (signed).</summary>
public enum IntentAction
{
    Compose,
    ForwardOriginal,
}
