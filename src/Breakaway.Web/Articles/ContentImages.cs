using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml;
using SkiaSharp;

namespace Breakaway.Web.Articles;

/// <summary>A picture in <c>content/tips/images/</c>, read once at load: its size on screen and a fingerprint of its bytes.</summary>
public sealed record ContentImage(string Name, string FilePath, string ContentType, int Width, int Height, long Bytes, string Fingerprint)
{
    /// <summary>The address the site serves it at: fixed route, file name, fingerprint (a changed file gets a new address).</summary>
    public string Url => $"{ContentImages.RoutePrefix}/{Name}?v={Fingerprint}";
}

/// <summary>
/// The pictures beside the articles, indexed by file name. A request only ever looks a name up here, so no address
/// can reach a file outside the folder. Width and height come from the file's own header, read by SkiaSharp (PNG, JPEG
/// with its EXIF orientation, WebP, GIF), or the SVG's root element; an SVG with script, event handlers or outside references is refused.
/// </summary>
public sealed partial class ContentImages
{
    public const string Folder = "images";
    public const string RoutePrefix = "/tips/images";

    public static readonly ContentImages Empty = new(new Dictionary<string, ContentImage>(), []);

    private readonly IReadOnlyDictionary<string, ContentImage> _byName;

    private ContentImages(IReadOnlyDictionary<string, ContentImage> byName, IReadOnlyList<ContentProblem> problems)
    {
        _byName = byName;
        Problems = problems;
    }

    /// <summary>Pictures that cannot be shown (unknown type, unreadable, too large, unsafe SVG), as <c>file:line: reason</c>.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    public IEnumerable<ContentImage> All => _byName.Values;

    /// <summary>File names: lower-case letters, digits, hyphens and underscores, one dot, a known extension.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}\\.(png|jpg|jpeg|webp|gif|svg)$")]
    public static partial Regex NamePattern();

    public ContentImage? Find(string? name) => name is not null && _byName.TryGetValue(name, out var image) ? image : null;

    /// <summary>Why a picture with this name is not in the index (a skipped file), or null when there is no such file.</summary>
    public ContentProblem? ProblemOf(string name) =>
        Problems.FirstOrDefault(p => p.File.EndsWith("/" + Folder + "/" + name, StringComparison.Ordinal));

    public static ContentImages Load(string tipsPath, Func<string, string> displayPath, long maxBytes)
    {
        var folder = Path.Combine(tipsPath, Folder);
        if (!Directory.Exists(folder))
        {
            return Empty;
        }

        var images = new Dictionary<string, ContentImage>(StringComparer.Ordinal);
        var problems = new List<ContentProblem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.'))
            {
                continue;
            }

            var display = displayPath(file);
            if (Path.GetDirectoryName(file) != folder)
            {
                problems.Add(new(display, 0, $"pictures go straight into tips/{Folder}/, not a folder inside it"));
                continue;
            }

            if (!NamePattern().IsMatch(name))
            {
                problems.Add(new(display, 0,
                    "rename the picture: use lower-case letters, digits and hyphens, ending in .png, .jpg, .webp, .gif or .svg (such as side-lying-clamshell.jpg)"));
                continue;
            }

            try
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length > maxBytes)
                {
                    problems.Add(new(display, 0,
                        $"the picture is {Kilobytes(bytes.Length)} KB; the limit is {Kilobytes(maxBytes)} KB: save it smaller (about 1600 pixels wide is plenty)"));
                    continue;
                }

                var extension = Path.GetExtension(name)[1..];
                var read = extension == "svg" ? ReadSvg(bytes) : ReadRaster(bytes, extension);
                if (read.Problem is not null)
                {
                    problems.Add(new(display, read.Line, read.Problem));
                    continue;
                }

                var fingerprint = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
                images.Add(name, new ContentImage(name, file, ContentTypeOf(extension), read.Width, read.Height, bytes.Length, fingerprint));
            }
            catch (IOException ex)
            {
                problems.Add(new(display, 0, $"could not be read: {ex.Message}"));
            }
        }

        return new ContentImages(images, problems);
    }

    private static long Kilobytes(long bytes) => (bytes + 1023) / 1024;

    private static string ContentTypeOf(string extension) => extension switch
    {
        "png" => "image/png",
        "jpg" or "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        _ => "image/svg+xml",
    };

    private readonly record struct Read(int Width, int Height, string? Problem = null, int Line = 0);

    private static Read Fail(string problem, int line = 0) => new(0, 0, problem, line);

    internal static (int Width, int Height)? RasterSize(byte[] bytes, string extension)
    {
        var read = ReadRaster(bytes, extension);
        return read.Problem is null ? (read.Width, read.Height) : null;
    }

    /// <summary>
    /// SkiaSharp reads the header (no pixels are decoded), and the format it finds must be the one the name says. A
    /// camera's EXIF orientation that turns the picture a quarter swaps width and height, as browsers apply it.
    /// </summary>
    private static Read ReadRaster(byte[] bytes, string extension)
    {
        var expected = FormatOf(extension);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec?.EncodedFormat is { } found && found != expected && ExtensionOf(found) is { } actual)
        {
            return Fail($"this is a {actual.ToUpperInvariant()} picture named .{extension}: rename it to .{actual}");
        }

        if (codec is not { Info: { Width: > 0 and <= 20_000, Height: > 0 and <= 20_000 } info } || codec.EncodedFormat != expected)
        {
            return Fail($"this is not a readable .{extension} picture: open it and save it again as {extension.ToUpperInvariant()}");
        }

        return codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom
            ? new Read(info.Height, info.Width)
            : new Read(info.Width, info.Height);
    }

    private static SKEncodedImageFormat FormatOf(string extension) => extension switch
    {
        "png" => SKEncodedImageFormat.Png,
        "jpg" or "jpeg" => SKEncodedImageFormat.Jpeg,
        "webp" => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Gif,
    };

    private static string? ExtensionOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => "png",
        SKEncodedImageFormat.Jpeg => "jpg",
        SKEncodedImageFormat.Webp => "webp",
        SKEncodedImageFormat.Gif => "gif",
        _ => null,
    };

    /// <summary>
    /// The SVG must be a plain drawing: no script, no event handlers, no foreignObject, no links or images that point
    /// outside the file, no DTD. It is served with the site's own CSP as well, but a picture should not need that.
    /// </summary>
    private static Read ReadSvg(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var info = (IXmlLineInfo)reader;
            int? width = null, height = null;
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction)
                {
                    return Fail("remove the processing instruction (<?...?>): a picture needs only its drawing", info.LineNumber);
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var element = reader.LocalName;
                if (root)
                {
                    if (element != "svg" || reader.NamespaceURI != "http://www.w3.org/2000/svg")
                    {
                        return Fail("the file does not start with an <svg xmlns=\"http://www.w3.org/2000/svg\"> element", info.LineNumber);
                    }

                    (width, height) = SvgSize(reader);
                    root = false;
                }

                if (element is "script" or "foreignObject" or "iframe" or "embed" or "object" or "handler" or "listener")
                {
                    return Fail($"remove the <{element}> element: pictures may not contain scripts or web content", info.LineNumber);
                }

                if (element is "style")
                {
                    return Fail("remove the <style> element: use fill and stroke attributes on the shapes instead", info.LineNumber);
                }

                while (reader.MoveToNextAttribute())
                {
                    var attribute = reader.LocalName;
                    if (attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return Fail($"remove the '{attribute}' attribute: pictures may not contain scripts", info.LineNumber);
                    }

                    if (attribute is "href" or "src" && !reader.Value.StartsWith('#'))
                    {
                        return Fail($"remove the link to '{reader.Value}': a picture may only point inside itself (href=\"#...\")", info.LineNumber);
                    }

                    if (reader.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !reader.Value.Replace(" ", "", StringComparison.Ordinal).Contains("url(#", StringComparison.OrdinalIgnoreCase))
                    {
                        return Fail($"remove the outside reference in '{attribute}': only url(#...) is allowed", info.LineNumber);
                    }
                }
            }

            return width is > 0 and <= 20_000 && height is > 0 and <= 20_000
                ? new Read(width.Value, height.Value)
                : Fail("give the <svg> element a viewBox (such as viewBox=\"0 0 800 450\") or width and height in pixels", 1);
        }
        catch (XmlException ex)
        {
            return ex.Message.Contains("DTD", StringComparison.Ordinal)
                ? Fail("remove the <!DOCTYPE ...> line: a picture needs only its <svg> element", Math.Max(1, ex.LineNumber))
                : Fail($"the SVG is not well-formed XML: {ex.Message.Split(" Line ")[0].TrimEnd('.')}", Math.Max(1, ex.LineNumber));
        }
    }

    private static (int? Width, int? Height) SvgSize(XmlReader svg)
    {
        static int? Pixels(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var number = value.EndsWith("px", StringComparison.Ordinal) ? value[..^2] : value;
            return double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d > 0
                ? (int)Math.Round(d)
                : null;
        }

        var width = Pixels(svg.GetAttribute("width"));
        var height = Pixels(svg.GetAttribute("height"));
        if (width is not null && height is not null)
        {
            return (width, height);
        }

        var viewBox = svg.GetAttribute("viewBox")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return viewBox is { Length: 4 } ? (Pixels(viewBox[2]), Pixels(viewBox[3])) : (null, null);
    }
}
