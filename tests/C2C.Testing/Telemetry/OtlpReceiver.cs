using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace C2C.Testing.Telemetry;

/// <summary>
/// An OTLP/HTTP collector in the test process on a loopback port: the nodes export to it exactly as they would to a real
/// collector (OTEL_EXPORTER_OTLP_ENDPOINT, http/protobuf), and it decodes the spans of each ExportTraceServiceRequest
/// (opentelemetry-proto trace/v1) with a small protobuf reader. Metrics and logs are accepted and ignored.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly Task _loop;

    /// <param name="port">The loopback port to listen on (a free one when not given).</param>
    public OtlpReceiver(int? port = null)
    {
        Port = port ?? FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    /// <summary>The node settings that export to this receiver, quickly (spans batched for at most 200 ms).</summary>
    public Dictionary<string, string> NodeSettings() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000",
    };

    /// <summary>Waits (bounded) until the spans received meet the condition; the failure lists what came.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForAsync(Func<IReadOnlyList<ReceivedSpan>, bool> condition, int seconds = 30)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); ; await Task.Delay(100))
        {
            var spans = Spans;
            if (condition(spans))
                return spans;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"spans not as expected within {seconds} s; received:\n{string.Join("\n", spans.Select(s => s.ToString()))}");
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                using var body = new MemoryStream();
                var input = context.Request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress) : context.Request.InputStream;
                await input.CopyToAsync(body);
                if (context.Request.HttpMethod == "GET" && context.Request.Url?.AbsolutePath is { } path && path.StartsWith("/trace/", StringComparison.Ordinal))
                {
                    // The demo asks for a trace as a tree of spans.
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(TraceTree.Render(Spans, path["/trace/".Length..])));
                    context.Response.Close();
                    continue;
                }
                if (context.Request.Url?.AbsolutePath == "/v1/traces")
                {
                    foreach (var span in Decode(body.ToArray()))
                        _spans.Enqueue(span);
                }
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                context.Response.StatusCode = 400;
            }
            context.Response.Close();
        }
    }

    /// <summary>ExportTraceServiceRequest → resource_spans(1) → resource(1) attributes(1) / scope_spans(2) → scope(1) name(1) / spans(2).</summary>
    public static IEnumerable<ReceivedSpan> Decode(byte[] request)
    {
        foreach (var resourceSpans in Protobuf.Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var fields = Protobuf.Fields(resourceSpans).ToList();
            var resource = fields.Where(f => f.Number == 1).Select(f => Attributes(f.Bytes)).FirstOrDefault() ?? [];
            var service = resource.GetValueOrDefault("service.name") ?? "";
            foreach (var scopeSpans in fields.Where(f => f.Number == 2).Select(f => f.Bytes))
            {
                var scopeFields = Protobuf.Fields(scopeSpans).ToList();
                var scope = scopeFields.Where(f => f.Number == 1).Select(f => Protobuf.Fields(f.Bytes).Where(s => s.Number == 1).Select(s => s.Text).FirstOrDefault()).FirstOrDefault() ?? "";
                foreach (var span in scopeFields.Where(f => f.Number == 2).Select(f => Protobuf.Fields(f.Bytes).ToList()))
                {
                    string Hex(int number) => span.Where(f => f.Number == number).Select(f => Convert.ToHexStringLower(f.Bytes)).FirstOrDefault() ?? "";
                    var parent = Hex(4);
                    yield return new ReceivedSpan(service, scope, Hex(1), Hex(2), parent.Length == 0 ? null : parent,
                        span.Where(f => f.Number == 5).Select(f => f.Text).FirstOrDefault() ?? "", (int)(span.Where(f => f.Number == 6).Select(f => f.Value).FirstOrDefault()),
                        span.Where(f => f.Number == 7).Select(f => f.Value).FirstOrDefault(),
                        Attributes(span.Where(f => f.Number == 9).SelectMany(f => Protobuf.Wrap(9, f.Bytes)).ToArray()));
                }
            }
        }
    }

    /// <summary>Repeated KeyValue (key 1, AnyValue 2: string 1, bool 2, int 3, double 4) as text, from the fields numbered 1 (resource) or 9 (span).</summary>
    private static Dictionary<string, string> Attributes(byte[] message)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in Protobuf.Fields(message).Where(f => f.Number is 1 or 9 && f.WireType == 2).Select(f => Protobuf.Fields(f.Bytes).ToList()))
        {
            var key = keyValue.Where(f => f.Number == 1).Select(f => f.Text).FirstOrDefault();
            var value = keyValue.Where(f => f.Number == 2).Select(f => Protobuf.Fields(f.Bytes).FirstOrDefault()).FirstOrDefault();
            if (key is null || value is null)
                continue;
            attributes[key] = value.Number switch
            {
                1 => value.Text,
                2 => (value.Value != 0).ToString(),
                3 => ((long)value.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => value.WireType == 2 ? value.Text : value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        return attributes;
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the listener was closed under a pending request
        }
    }
}

/// <summary>One span as exported: its node (service.name), instrumentation scope, ids (hex), name, kind (OTLP: 1 internal, 2 server, 3 client, 4 producer, 5 consumer).</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string? ParentSpanId, string Name, int Kind, ulong StartUnixNano,
    IReadOnlyDictionary<string, string> Attributes)
{
    public override string ToString() => $"{Service} {Name} trace {TraceId} span {SpanId} parent {ParentSpanId ?? "-"} ({Scope})";
}

/// <summary>Just enough of the protobuf wire format to read OTLP: varints, fixed 32/64, length-delimited fields.</summary>
internal static class Protobuf
{
    public sealed record Field(int Number, int WireType, ulong Value, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    public static IEnumerable<Field> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message, ref position);
            var (number, wireType) = ((int)(tag >> 3), (int)(tag & 7));
            switch (wireType)
            {
                case 0:
                    yield return new Field(number, 0, Varint(message, ref position), []);
                    break;
                case 1:
                    yield return new Field(number, 1, BitConverter.ToUInt64(Slice(message, ref position, 8)), []);
                    break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    yield return new Field(number, 2, 0, Slice(message, ref position, length));
                    break;
                case 5:
                    yield return new Field(number, 5, BitConverter.ToUInt32(Slice(message, ref position, 4)), []);
                    break;
                default:
                    throw new InvalidDataException($"protobuf wire type {wireType} not expected in OTLP");
            }
        }
    }

    /// <summary>A length-delimited field re-encoded, so a repeated field can be read like a message of its own.</summary>
    public static byte[] Wrap(int number, byte[] bytes)
    {
        var buffer = new List<byte>();
        void Write(ulong v)
        {
            while (v >= 0x80)
            {
                buffer.Add((byte)(v | 0x80));
                v >>= 7;
            }
            buffer.Add((byte)v);
        }
        Write((ulong)(number << 3 | 2));
        Write((ulong)bytes.Length);
        buffer.AddRange(bytes);
        return [.. buffer];
    }

    private static ulong Varint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= message.Length)
                throw new InvalidDataException("truncated varint");
            var b = message[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
                return value;
        }
        throw new InvalidDataException("varint too long");
    }

    private static byte[] Slice(byte[] message, ref int position, int length)
    {
        if (length < 0 || position + length > message.Length)
            throw new InvalidDataException("truncated field");
        var slice = message.AsSpan(position, length).ToArray();
        position += length;
        return slice;
    }
}
