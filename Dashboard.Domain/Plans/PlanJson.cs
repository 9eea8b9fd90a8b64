using Dashboard.Domain.Numbers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dashboard.Domain.Plans;

/// <summary>
/// Reads and writes a <see cref="Plan"/> in the JSON schema of the transcribed plans (<c>Data/Seed/renaksi-2025.json</c>).
/// </summary>
/// <remarks>
/// Schema: <c>{ year, agency, title?, signedPlace?, signedDate?, signerTitle?, nodes: [node] }</c>;
/// node: <c>{ code, level, label?, title, indicators?: [indicator], children?: [node] }</c> with <c>level</c> one of
/// Tujuan, Sasaran, Program, Kegiatan, SubKegiatan;
/// indicator: <c>{ code, name, unit, target, tw: [4 numbers or null], polarity?, aggregation?, remark? }</c> with
/// <c>polarity</c> Positive (default) or Negative and <c>aggregation</c> Cumulative or Level (default from the unit).
/// Numbers are read as <see cref="decimal"/> straight from the JSON text, so 7.1 stays exactly 7.1.
/// Unknown properties are ignored, so the schema can grow without breaking older readers.
/// </remarks>
public static class PlanJson
{
    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    // Relaxed escaping keeps the file readable and hand-editable (it is data, never embedded in HTML).
    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Plan Read(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(() => JsonDocument.Parse(json, ReadOptions));
        return ReadPlan(document.RootElement);
    }

    public static Plan Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(() => JsonDocument.Parse(json, ReadOptions));
        return ReadPlan(document.RootElement);
    }

    public static string Write(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriteOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", plan.Year);
            writer.WriteString("agency", plan.Agency);
            writer.WriteString("title", plan.Title);
            WriteOptional(writer, "signedPlace", plan.SignedPlace);
            WriteOptional(writer, "signedDate", plan.SignedDate);
            WriteOptional(writer, "signerTitle", plan.SignerTitle);
            writer.WriteStartArray("nodes");
            foreach (var root in plan.Roots) WriteNode(writer, root);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static JsonDocument Parse(Func<JsonDocument> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" pada baris {line + 1}, kolom {(ex.BytePositionInLine ?? 0) + 1}" : "";
            throw new PlanFormatException($"Berkas rencana bukan JSON yang sah{where}.", ex);
        }
    }

    private static Plan ReadPlan(JsonElement root)
    {
        const string where = "rencana";
        if (root.ValueKind != JsonValueKind.Object) throw new PlanFormatException("Isi berkas rencana harus berupa objek JSON.");
        var yearElement = Required(root, "year", where);
        if (yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out var year))
        {
            throw new PlanFormatException($"Properti \"year\" pada {where} harus berupa bilangan bulat.");
        }
        var agency = RequiredText(root, "agency", where);
        var title = OptionalText(root, "title", where) ?? "";
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var roots = new List<PlanNode>();
        var nodes = Array(root, "nodes", where, required: true);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = ReadNode(nodes[i], $"nodes[{i}]", parent: null, codes);
            roots.Add(node);
        }
        try
        {
            return new Plan(year, agency, title, roots)
            {
                SignedPlace = OptionalText(root, "signedPlace", where),
                SignedDate = OptionalText(root, "signedDate", where),
                SignerTitle = OptionalText(root, "signerTitle", where),
            };
        }
        catch (ArgumentException ex)
        {
            throw new PlanFormatException($"Rencana tidak valid: {Reason(ex)}", ex);
        }
    }

    private static PlanNode ReadNode(JsonElement element, string path, PlanNode? parent, Dictionary<string, string> codes)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new PlanFormatException($"Node {path} harus berupa objek JSON.");
        var code = RequiredText(element, "code", $"node {path}");
        var where = $"node {code}";
        Claim(codes, code, path);
        var levelText = RequiredText(element, "level", where);
        // Enum.TryParse would also accept "3" or "tujuan"; the schema names the levels exactly.
        if (!Enum.GetNames<NodeLevel>().Contains(levelText, StringComparer.Ordinal))
        {
            throw new PlanFormatException(
                $"Tingkat \"{levelText}\" pada {where} tidak dikenal; gunakan {string.Join(", ", Enum.GetNames<NodeLevel>())}.");
        }
        var level = Enum.Parse<NodeLevel>(levelText);
        if (parent is null && level != NodeLevel.Tujuan)
        {
            throw new PlanFormatException($"Node akar {code} harus bertingkat Tujuan, bukan {level.Label()}.");
        }
        if (parent is not null && level <= parent.Level)
        {
            throw new PlanFormatException($"{level.Label()} {code} tidak boleh berada di bawah {parent.Level.Label()} {parent.Code}.");
        }
        var node = new PlanNode(code, level, RequiredText(element, "title", where), OptionalText(element, "label", where));

        var indicators = Array(element, "indicators", where, required: false);
        for (var i = 0; i < indicators.Count; i++)
        {
            node.AddIndicator(ReadIndicator(indicators[i], $"{path}.indicators[{i}] (node {code})", codes));
        }
        var children = Array(element, "children", where, required: false);
        for (var i = 0; i < children.Count; i++)
        {
            node.AddChild(ReadNode(children[i], $"{path}.children[{i}]", node, codes));
        }
        return node;
    }

    private static Indicator ReadIndicator(JsonElement element, string path, Dictionary<string, string> codes)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new PlanFormatException($"Indikator {path} harus berupa objek JSON.");
        var code = RequiredText(element, "code", $"indikator {path}");
        var where = $"indikator {code}";
        Claim(codes, code, path);
        var name = RequiredText(element, "name", where);
        var unit = RequiredText(element, "unit", where);
        var target = Number(Required(element, "target", where), "target", where, unit);

        var twElement = Required(element, "tw", where);
        if (twElement.ValueKind != JsonValueKind.Array || twElement.GetArrayLength() != 4)
        {
            throw new PlanFormatException($"Properti \"tw\" pada {where} harus berupa larik tepat empat angka (TW I-IV).");
        }
        // null: no target for that quarter (annual targets only); not the same as 0.
        var tw = twElement.EnumerateArray()
            .Select((e, q) => e.ValueKind == JsonValueKind.Null ? (decimal?)null : Number(e, $"tw[{q}]", where, unit)).ToArray();

        var polarity = OptionalText(element, "polarity", where) switch
        {
            null => Polarity.Positive,
            nameof(Polarity.Positive) => Polarity.Positive,
            nameof(Polarity.Negative) => Polarity.Negative,
            var other => throw new PlanFormatException($"Polaritas \"{other}\" pada {where} tidak dikenal; gunakan Positive atau Negative."),
        };
        Aggregation? aggregation = OptionalText(element, "aggregation", where) switch
        {
            null => null,
            nameof(Aggregation.Cumulative) => Aggregation.Cumulative,
            nameof(Aggregation.Level) => Aggregation.Level,
            var other => throw new PlanFormatException($"Agregasi \"{other}\" pada {where} tidak dikenal; gunakan Cumulative atau Level."),
        };
        try
        {
            return new Indicator(code, name, unit, target, tw, polarity, aggregation, OptionalText(element, "remark", where));
        }
        catch (ArgumentException ex)
        {
            throw new PlanFormatException($"{Capitalise(where)} tidak valid: {Reason(ex)}", ex);
        }
    }

    private static void Claim(Dictionary<string, string> codes, string code, string path)
    {
        if (!codes.TryAdd(code, path))
        {
            throw new PlanFormatException($"Kode {code} dipakai dua kali: di {codes[code]} dan di {path}.");
        }
    }

    private static JsonElement Required(JsonElement element, string property, string where) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new PlanFormatException($"Properti \"{property}\" wajib ada pada {where}.");

    private static string RequiredText(JsonElement element, string property, string where) =>
        OptionalText(element, property, where) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new PlanFormatException($"Properti \"{property}\" wajib diisi pada {where}.");

    private static string? OptionalText(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new PlanFormatException($"Properti \"{property}\" pada {where} harus berupa teks.");
    }

    private static IReadOnlyList<JsonElement> Array(JsonElement element, string property, string where, bool required)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new PlanFormatException($"Properti \"{property}\" wajib ada pada {where}.") : [];
        }
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw new PlanFormatException($"Properti \"{property}\" pada {where} harus berupa larik.");
    }

    private static decimal Number(JsonElement element, string property, string where, string unit)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var value))
        {
            throw new PlanFormatException($"Nilai \"{property}\" pada {where} harus berupa angka, bukan {element.GetRawText()}.");
        }
        if (value < 0) throw new PlanFormatException($"Nilai \"{property}\" pada {where} tidak boleh negatif ({element.GetRawText()}).");
        return ValueBounds.Check(value, unit) is { } bound
            ? throw new PlanFormatException($"Nilai \"{property}\" pada {where}: {bound}")
            : value;
    }

    private static void WriteNode(Utf8JsonWriter writer, PlanNode node)
    {
        writer.WriteStartObject();
        writer.WriteString("code", node.Code);
        writer.WriteString("level", node.Level.ToString());
        writer.WriteString("label", node.Label);
        writer.WriteString("title", node.Title);
        writer.WriteStartArray("indicators");
        foreach (var indicator in node.Indicators) WriteIndicator(writer, indicator);
        writer.WriteEndArray();
        writer.WriteStartArray("children");
        foreach (var child in node.Children) WriteNode(writer, child);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter writer, Indicator indicator)
    {
        writer.WriteStartObject();
        writer.WriteString("code", indicator.Code);
        writer.WriteString("name", indicator.Name);
        writer.WriteString("unit", indicator.Unit);
        writer.WriteNumber("target", indicator.AnnualTarget);
        writer.WriteStartArray("tw");
        foreach (var target in indicator.QuarterTargets)
        {
            if (target is { } t) writer.WriteNumberValue(t);
            else writer.WriteNullValue();
        }
        writer.WriteEndArray();
        // Defaults are left out so the file stays as the transcriber wrote it.
        if (indicator.Polarity != Polarity.Positive) writer.WriteString("polarity", indicator.Polarity.ToString());
        if (indicator.Aggregation != Units.DefaultAggregation(indicator.Unit)) writer.WriteString("aggregation", indicator.Aggregation.ToString());
        WriteOptional(writer, "remark", indicator.Remark);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is not null) writer.WriteString(property, value);
    }

    // ArgumentException.Message appends " (Parameter 'x')", which means nothing to the reader of the message.
    private static string Reason(ArgumentException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>The plan JSON is malformed or breaks a rule of the plan; the message says what and where, in Indonesian.</summary>
public sealed class PlanFormatException : Exception
{
    public PlanFormatException(string message) : base(message) { }

    public PlanFormatException(string message, Exception innerException) : base(message, innerException) { }
}
