namespace C2C.Core.Transit;

/// <summary>Where a message came from: the node's own national office systems (HTTP) or a partner node (topic).</summary>
public enum MessageOrigin
{
    Local,
    Partner,
}
