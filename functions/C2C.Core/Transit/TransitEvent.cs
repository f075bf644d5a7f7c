namespace C2C.Core.Transit;

/// <summary>Where a message came from: the node's own national office systems (HTTP) or a partner node (topic).</summary>
public enum MessageOrigin
{
    Local,
    Partner,
}

/// <summary>Route facts of a declaration, as far as the process manager needs them.</summary>
public sealed record RouteFacts(
    string OfficeOfDeparture,
    string OfficeOfDestination,
    IReadOnlyList<RouteOffice> Route,
    DateOnly TimeLimit,
    DateTimeOffset ReleasedAt,
    string? MeansOfTransport)
{
    /// <summary>The guarantee the declaration names (the first with a GRN behind its type code); null when none does.</summary>
    public Guarantees.GuaranteeClaim? Guarantee { get; init; }

    /// <summary>The itinerary's countries of routing (the guarantee must be valid in each).</summary>
    public IReadOnlyList<string> CountriesOfRouting { get; init; } = [];

    /// <summary>The declaration's version these facts are from: 1 for the IE015, +1 per accepted IE013 (a record without one: 1).</summary>
    public int Version { get; init; } = 1;
}

/// <summary>A message as the process manager sees it: typed facts, no XML.</summary>
public abstract record TransitEvent(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin);

public sealed record DeclarationReleased(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, RouteFacts Facts)
    : TransitEvent(MessageId, "IE015", SenderOffice, RecipientOffice, Origin);

/// <param name="MessageType">IE050 (transit record) or IE001 (arrival record).</param>
public sealed record AnticipatedRecordReceived(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin, RouteFacts Facts)
    : TransitEvent(MessageId, MessageType, SenderOffice, RecipientOffice, Origin);

public sealed record BorderPassage(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Office, DateTimeOffset CrossedAt, bool SealsIntact)
    : TransitEvent(MessageId, "IE118", SenderOffice, RecipientOffice, Origin);

public sealed record ArrivalAdvised(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Office, DateTimeOffset ArrivedAt)
    : TransitEvent(MessageId, "IE006", SenderOffice, RecipientOffice, Origin);

public sealed record ControlResultsReported(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Office, string ResultCode)
    : TransitEvent(MessageId, "IE018", SenderOffice, RecipientOffice, Origin)
{
    /// <summary>A1-A4 are satisfactory (the movement can be written off); B1 discrepancies; C1 release refused.</summary>
    public bool Satisfactory => ResultCode.StartsWith('A');
}

public sealed record WriteOffNotified(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, "IE045", SenderOffice, RecipientOffice, Origin);

public sealed record InvalidationDecided(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Justification)
    : TransitEvent(MessageId, "IE009", SenderOffice, RecipientOffice, Origin);

public sealed record CancellationNotified(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, "IE010", SenderOffice, RecipientOffice, Origin);

public sealed record IncidentReported(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Code, string Text, bool Transhipment)
    : TransitEvent(MessageId, "IE180", SenderOffice, RecipientOffice, Origin);

/// <param name="MessageType">IE002 (arrival record request) or IE114 (transit record request).</param>
public sealed record RecordRequested(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string RequestingOffice)
    : TransitEvent(MessageId, MessageType, SenderOffice, RecipientOffice, Origin);

/// <param name="MessageType">IE003 or IE115.</param>
public sealed record RecordResponded(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin, RouteFacts? Facts, string? RefusalCode)
    : TransitEvent(MessageId, MessageType, SenderOffice, RecipientOffice, Origin);

public sealed record EnquiryRequested(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, "IE142", SenderOffice, RecipientOffice, Origin);

/// <param name="AnsweredAt">When the destination prepared the answer: results are awaited from then on.</param>
public sealed record EnquiryAnswered(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string ResponseCode, DateTimeOffset? ArrivedAt,
    DateTimeOffset AnsweredAt)
    : TransitEvent(MessageId, "IE143", SenderOffice, RecipientOffice, Origin);

public sealed record StatusRequested(string MessageId, string SenderOffice, string RecipientOffice, MessageOrigin Origin)
    : TransitEvent(MessageId, "IE094", SenderOffice, RecipientOffice, Origin);

/// <summary>An answer that changes nothing but is recorded: status responses, NACKs from a partner.</summary>
public sealed record InformationReceived(string MessageId, string MessageType, string SenderOffice, string RecipientOffice, MessageOrigin Origin, string Summary)
    : TransitEvent(MessageId, MessageType, SenderOffice, RecipientOffice, Origin)
{
    /// <summary>The state with this noted: a NACK is something to look into (an alert); a status answer is only kept.</summary>
    public TransitState Note(TransitState state) => MessageType is "IE906" or "IE917" ? state.Alert($"{MessageType} from {SenderOffice}: {Summary}") : state;
}
