using System.Text.Json;
using System.Text.Json.Serialization;

namespace Breakaway.Web.Drawings;

/// <summary>How drawings are stored: camel-case JSON with enums by name, so a stored drawing reads plainly.</summary>
public static class DrawingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public static string Write(ExerciseDrawing drawing) => JsonSerializer.Serialize(drawing, Options);

    public static ExerciseDrawing? Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<ExerciseDrawing>(json, Options);
}
