namespace C2C.Core.Messages;

/// <summary>One message type of the exchange: its code (NCTS IE number where one exists), XML root element and family.</summary>
/// <param name="Code">Code carried in the header's MessageType, e.g. "IE050".</param>
/// <param name="RootElement">Local name of the root element in the <see cref="MessageCatalog.Namespace"/>.</param>
/// <param name="Family">Routing family.</param>
/// <param name="Description">Human-readable name, as in NCTS.</param>
public sealed record MessageKind(string Code, string RootElement, MessageFamily Family, string Description);
