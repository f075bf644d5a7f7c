using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace C2C.Testing;

/// <summary>A running country node seen from outside: its national office systems post, its auditor reads.</summary>
public sealed class CountryNode(NodeProcess process, TestNetwork network) : IDisposable
{
    private readonly HttpClient _offices = Client(process, network.OfficesKey(process.Country));
    private readonly HttpClient _auditor = Client(process, network.AuditorKey(process.Country));
    private readonly HttpClient _operator = Client(process, network.OperatorKey(process.Country));

    public string Country => process.Country;

    /// <summary>The node as this country's national office systems call it.</summary>
    public HttpClient Offices => _offices;

    /// <summary>The node as <paramref name="administration"/>'s systems call it across the border (with that administration's key).</summary>
    public HttpClient As(string administration) => Client(process, network.AdministrationKey(administration));

    public NodeProcess Process => process;

    private static HttpClient Client(NodeProcess process, string apiKey)
    {
        var client = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Posts as the national office systems; asserts the node accepted it (with the answer in the failure text).</summary>
    /// <param name="traceParent">The national system's W3C trace context, if it sends one.</param>
    public async Task<Answer> AcceptedAsync(byte[] xml, string? traceParent = null)
    {
        var answer = await PostAsync(xml, traceParent);
        return answer.Status == 200 && answer.Outcome == "accepted" ? answer : throw new InvalidOperationException($"{Country} did not accept: {answer}");
    }

    public async Task<Answer> PostAsync(byte[] xml, string? traceParent = null)
    {
        var content = new ByteArrayContent(xml);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/messages") { Content = content };
        if (traceParent is not null)
            request.Headers.Add("traceparent", traceParent);
        return await Answer.ReadAsync(await _offices.SendAsync(request));
    }

    /// <summary>The dry-run endpoint (conformance testing): parse and validate only.</summary>
    public async Task ValidateAsync(byte[] xml)
    {
        var content = new ByteArrayContent(xml);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await _offices.PostAsync("api/v1/messages/validate", content);
        response.EnsureSuccessStatusCode();
    }

    public async Task<string?> StatusAsync(string reference)
    {
        using var response = await _auditor.GetAsync($"api/v1/movements/{reference}");
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }

    /// <summary>How many partner messages the movement's orchestration holds (came before the one they follow), as its ops status says.</summary>
    public async Task<int> HeldByOrchestrationAsync(string reference)
    {
        var json = await _auditor.GetStringAsync($"api/v1/movements/{reference}");
        using var movement = JsonDocument.Parse(json);
        var orchestration = movement.RootElement.GetProperty("orchestration");
        if (orchestration.ValueKind == JsonValueKind.Null)
            throw new InvalidOperationException($"{Country} runs no engine: {json}");
        return orchestration.GetProperty("progress") is { ValueKind: JsonValueKind.Object } progress ? progress.GetProperty("held").GetInt32() : 0;
    }

    /// <summary>The movement's applied messages in order: (type, direction, status after, message id), and whether the hash chain holds.</summary>
    public async Task<(IReadOnlyList<TimelineEntry> Events, bool ChainIntact)> TimelineAsync(string reference)
    {
        using var response = await _auditor.GetAsync($"api/v1/movements/{reference}/history");
        if (response.StatusCode == HttpStatusCode.NotFound)
            return ([], true);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var events = json.RootElement.GetProperty("events").EnumerateArray().Select(e => new TimelineEntry(
            e.GetProperty("messageType").GetString()!, e.GetProperty("direction").GetString()!,
            e.GetProperty("statusAfter").GetString()!, e.GetProperty("messageId").GetString()!, e.GetProperty("archiveName").GetString()!,
            e.GetProperty("appliedAt").GetDateTimeOffset(), e.GetProperty("recipientOffice").GetString()!)).ToList();
        return (events, json.RootElement.GetProperty("chainIntact").GetBoolean());
    }

    /// <summary>Polls (bounded) until the movement has the status; the failure names what the node had instead and its log tail.</summary>
    public async Task WaitForStatusAsync(string reference, string status, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await StatusAsync(reference);
            if (last == status)
                return;
            await Task.Delay(200);
        }
        var log = process.Log;
        throw new TimeoutException($"{Country} {reference}: expected {status} within {seconds} s, has {last ?? "nothing"}\n--- node log tail ---\n{log[Math.Max(0, log.Length - 4000)..]}");
    }

    /// <summary>Polls (bounded) until the movement's timeline meets the condition; the failure shows the timeline it had.</summary>
    public async Task WaitForTimelineAsync(string reference, Func<IReadOnlyList<TimelineEntry>, bool> condition, int seconds = 30)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (condition((await TimelineAsync(reference)).Events))
                return;
        }
        throw new TimeoutException($"{Country} {reference}: condition not met within {seconds} s: {string.Join(" | ", (await TimelineAsync(reference)).Events)}");
    }

    /// <summary>Archive search (auditor role): the blob names found.</summary>
    public async Task<IReadOnlyList<string>> ArchiveSearchAsync(string query)
    {
        using var json = JsonDocument.Parse(await _auditor.GetStringAsync($"api/v1/archive?{query}"));
        return json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>The node's operations alerts, newest first (auditor role).</summary>
    public async Task<IReadOnlyList<C2C.Core.Ports.OpsAlert>> AlertsAsync() =>
        JsonSerializer.Deserialize<List<C2C.Core.Ports.OpsAlert>>(await _auditor.GetStringAsync("api/v1/audit/alerts"), JsonSerializerOptions.Web)!;

    /// <summary>The archived XML, byte for byte (auditor role).</summary>
    public Task<byte[]> ArchivedAsync(string archiveName) => _auditor.GetByteArrayAsync($"api/v1/archive/{archiveName}");

    /// <summary>The node's dead-lettered deliveries, every family (operator role).</summary>
    public async Task<IReadOnlyList<DeadLetterEntry>> DeadLettersAsync() =>
        JsonSerializer.Deserialize<List<DeadLetterEntry>>(await _operator.GetStringAsync("api/v1/ops/dead-letters"), Web)!;

    /// <summary>Replays (or purges) the selected dead-lettered deliveries of a family (operator role): what happened to each.</summary>
    public async Task<IReadOnlyList<DeadLetterOutcome>> SettleDeadLettersAsync(string action, string family, IEnumerable<string> messageIds)
    {
        using var response = await _operator.PostAsync($"api/v1/ops/dead-letters/{family}/{action}",
            JsonContent.Create(new { messageIds = messageIds.ToArray() }));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonSerializer.Deserialize<List<DeadLetterOutcome>>(body, Web)! : throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {body}");
    }

    /// <summary>The operations journal: every replay and purge, newest first (operator role).</summary>
    public async Task<IReadOnlyList<C2C.Core.Ports.OpsAction>> JournalAsync() =>
        JsonSerializer.Deserialize<List<C2C.Core.Ports.OpsAction>>(await _operator.GetStringAsync("api/v1/ops/journal"), Web)!;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public void Dispose()
    {
        _offices.Dispose();
        _auditor.Dispose();
        _operator.Dispose();
    }
}

/// <summary>A dead-lettered delivery as the node lists it.</summary>
public sealed record DeadLetterEntry(string Family, string MessageId, string MessageType, string SourceCountry, string? MovementReference, string Reason, string Description,
    string ContentSha256, string? ArchiveName, bool Readable);

/// <summary>What a replay or purge did with one delivery.</summary>
public sealed record DeadLetterOutcome(string MessageId, string ContentSha256, bool Removed, string Result);

public sealed record TimelineEntry(string MessageType, string Direction, string StatusAfter, string MessageId, string ArchiveName, DateTimeOffset AppliedAt,
    string RecipientOffice)
{
    public override string ToString() => $"{MessageType} {Direction} → {StatusAfter}";
}
